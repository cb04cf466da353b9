using System.Data.Common;

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
}
