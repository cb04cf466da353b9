using System.Data.Common;

namespace DockGateway.Cloud.Storage;

/// <summary>
/// The cloud's metadata store: SQLite by default, PostgreSQL when <c>Cloud:Database:Postgres</c> is set.
/// Use Dapper on the connections it hands out. SQL must be written in the portable subset (see
/// <c>Storage/README.md</c>): TEXT, BIGINT, 0/1 booleans, hex TEXT hashes, Unix-millisecond BIGINT
/// timestamps, explicit keys, <c>@name</c> parameters.
/// </summary>
public interface ICloudDatabase
{
    SqlDialect Dialect { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back
    /// when it throws (nothing it wrote survives). On SQLite the transaction takes the write lock at once.</summary>
    Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);
}
