using System.Data.Common;
using Dapper;

namespace DockGateway.Cloud.Storage;

/// <summary>Conveniences over <see cref="ICloudDatabase"/>.</summary>
public static class CloudDatabaseExtensions
{
    /// <summary>Runs <paramref name="work"/> in one transaction (see <see cref="ICloudDatabase.InTransactionAsync{T}"/>).</summary>
    public static Task InTransactionAsync(
        this ICloudDatabase database, Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        database.InTransactionAsync<bool>(
            async (connection, transaction) =>
            {
                await work(connection, transaction);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="statements"/> in order in one transaction, each allowed 10 minutes: how the counter and rollup
    /// tables are rebuilt from the rows they summarise after a bulk load that went around the stores.
    /// </summary>
    public static Task ExecuteInOneTransactionAsync(this ICloudDatabase database, CancellationToken cancellationToken, params string[] statements) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var sql in statements)
                {
                    await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, commandTimeout: 600, cancellationToken: cancellationToken));
                }
            },
            cancellationToken);

    /// <summary>
    /// <c>column</c> is one of the array parameter <c>@parameter</c>: <c>IN @p</c> on SQLite (Dapper expands
    /// the list), <c>= ANY(@p)</c> on PostgreSQL (Dapper passes arrays to Npgsql unexpanded).
    /// Pass the values as a <c>string[]</c>.
    /// </summary>
    public static string AnyOf(this ICloudDatabase database, string column, string parameter) =>
        database.Dialect == SqlDialect.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
}
