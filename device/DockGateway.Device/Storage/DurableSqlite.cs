using Microsoft.Data.Sqlite;

namespace DockGateway.Device.Storage;

/// <summary>
/// Opens the dock's SQLite files (custody.db, outbox.db, sync.db) the one way that survives a power
/// cut: WAL journal, synchronous=FULL (a commit is on disk before it returns), no pooling (the file is
/// closed when the owner is disposed), and a busy timeout for readers such as <c>dockctl audit export</c>.
/// Each connection's page cache is bounded to 512 KiB (<c>cache_size=-512</c>): SQLite's default is 2 MiB per
/// connection, kept for the life of the process, and the dock's writes touch only the last pages of
/// each table and index (older pages come from the kernel's page cache when a query needs them).
/// </summary>
public static class DurableSqlite
{
    public static SqliteConnection Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-512;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
