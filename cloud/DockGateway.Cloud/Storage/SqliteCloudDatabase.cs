using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DockGateway.Cloud.Storage;

/// <summary>The default store: one SQLite file in WAL mode with foreign keys enforced.</summary>
public sealed class SqliteCloudDatabase : ICloudDatabase
{
    private readonly string _connectionString;

    public SqliteCloudDatabase(string path)
    {
        UnixMillisecondsTypeHandler.Register();
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            DefaultTimeout = 30,
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
        await using var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken);

        // deferred: false -> BEGIN IMMEDIATE, so two writers queue on the lock instead of failing to upgrade.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
