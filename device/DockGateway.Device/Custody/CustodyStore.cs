using DockGateway.Device.Storage;
using Microsoft.Data.Sqlite;

namespace DockGateway.Device.Custody;

/// <summary>
/// The custody database (<c>&lt;data&gt;/custody.db</c>, SQLite in WAL mode with synchronous=FULL so a
/// commit is on disk before the recorder is wiped). Tables: <c>entries</c> (leaf index, exact JSON
/// bytes, leaf hash), <c>checkpoints</c> (one signed note per tree size: the primary key makes a second,
/// different root for a size impossible), <c>ingested_files</c> (which recorder files still await
/// erasure), <c>recorders</c> (last sequence number decided, and at which log size) and <c>verifier_keys</c>.
/// Not thread-safe: <see cref="CustodyLog"/> serializes access.
/// </summary>
public sealed partial class CustodyStore : IDisposable
{
    public const string FileName = "custody.db";

    private readonly SqliteConnection _connection;

    private CustodyStore(SqliteConnection connection, bool readOnly)
    {
        _connection = connection;
        IsReadOnly = readOnly;
    }

    public bool IsReadOnly { get; }

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Opens (creating when missing) the dock's custody database for writing.</summary>
    public static CustodyStore Open(string dataDirectory)
    {
        var store = new CustodyStore(DurableSqlite.Open(PathIn(dataDirectory)), readOnly: false);
        store.Execute(Schema);
        store.AddDecidedThrough();
        return store;
    }

    /// <summary>Opens an existing custody database read-only (safe while the dock runs: WAL readers do not block it).</summary>
    public static CustodyStore OpenReadOnly(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no custody log at {path} (is --data the dock's data directory?)", path);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        var store = new CustodyStore(connection, readOnly: true);
        store.Execute("PRAGMA busy_timeout=10000;");
        return store;
    }

    /// <summary>Runs <paramref name="read"/> in one read transaction, so every query sees the same snapshot.</summary>
    public T Snapshot<T>(Func<T> read)
    {
        using var transaction = _connection.BeginTransaction(deferred: true);
        var result = read();
        transaction.Commit();
        return result;
    }

    public void Dispose() => _connection.Dispose();

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS entries (
            idx INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            json BLOB NOT NULL,
            leaf BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS checkpoints (
            size INTEGER PRIMARY KEY,
            root BLOB NOT NULL,
            note TEXT NOT NULL,
            cosigned_note TEXT NULL,
            signed_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS ingested_files (
            entry_index INTEGER PRIMARY KEY REFERENCES entries(idx),
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            recorder TEXT NOT NULL,
            path BLOB NOT NULL,
            stored TEXT NOT NULL,
            erased_index INTEGER NULL REFERENCES entries(idx));
        CREATE INDEX IF NOT EXISTS ingested_files_sha256 ON ingested_files(sha256);
        CREATE INDEX IF NOT EXISTS ingested_files_pending ON ingested_files(recorder) WHERE erased_index IS NULL;
        CREATE INDEX IF NOT EXISTS entries_recorder ON entries(json_extract(CAST(json AS TEXT), '$.recorder'));
        CREATE TABLE IF NOT EXISTS recorders (
            serial TEXT PRIMARY KEY,
            last_sequence INTEGER NULL,
            decided_through INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS verifier_keys (
            key TEXT PRIMARY KEY,
            role TEXT NOT NULL);
        """;

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
