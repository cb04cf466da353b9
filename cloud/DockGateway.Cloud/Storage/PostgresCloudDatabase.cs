using System.Data.Common;
using Npgsql;

namespace DockGateway.Cloud.Storage;

/// <summary>The scale-out store: PostgreSQL through a pooled <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresCloudDatabase : ICloudDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresCloudDatabase(string connectionString)
    {
        UnixMillisecondsTypeHandler.Register();
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public SqlDialect Dialect => SqlDialect.Postgres;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<T> InTransactionAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
