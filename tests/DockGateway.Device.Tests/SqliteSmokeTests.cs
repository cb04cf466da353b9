using Microsoft.Data.Sqlite;
using Xunit;

namespace DockGateway.Device.Tests;

public class SqliteSmokeTests
{
    [Fact]
    public void Sqlite_opens_a_file_database_in_wal_mode()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smoke-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            Assert.Equal("wal", command.ExecuteScalar() as string);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
