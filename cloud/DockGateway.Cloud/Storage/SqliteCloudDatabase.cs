using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DockGateway.Cloud.Storage;

/// <summary>
/// The default store: one SQLite file in WAL mode with foreign keys enforced. Transactions of this process queue on
/// an in-process writer gate before they take SQLite's write lock: SQLite lets one writer in at a time, and a
/// connection that finds the lock taken is retried by Microsoft.Data.Sqlite only after sleeping 150 ms, so four tus
/// uploads committing their offsets at once waited up to 180 ms per chunk for a commit that takes a few. (One process
/// per database file: <see cref="SqliteInstanceGuard"/>.)
/// </summary>
public sealed class SqliteCloudDatabase : ICloudDatabase, IDisposable
{
    private const int TimeoutSeconds = 30;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteCloudDatabase(string path)
    {
        UnixMillisecondsTypeHandler.Register();
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            DefaultTimeout = TimeoutSeconds,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<T> InTransactionAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(TimeSpan.FromSeconds(TimeoutSeconds), cancellationToken))
        {
            throw new TimeoutException($"No SQLite transaction could start on {Path} within {TimeoutSeconds} s: another one held the writer gate.");
        }

        try
        {
            await using var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken);

            // deferred: false -> BEGIN IMMEDIATE, so a writer outside the gate (a single statement) and this one queue
            // on the lock instead of failing to upgrade.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();
}
