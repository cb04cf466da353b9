using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Registry;

/// <summary>Reads and writes <c>officers</c>.</summary>
public sealed class OfficerStore(ICloudDatabase database, TimeProvider time)
{
    private const string Columns = "agency_code AS AgencyCode, badge_number AS BadgeNumber, name AS Name, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task<Officer?> FindAsync(string agencyCode, string badgeNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, agencyCode, badgeNumber, cancellationToken);
    }

    internal static Task<Officer?> FindAsync(
        DbConnection connection, DbTransaction? transaction, string agencyCode, string badgeNumber, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Officer>(new CommandDefinition(
            $"SELECT {Columns} FROM officers WHERE agency_code = @agencyCode AND badge_number = @badgeNumber",
            new { agencyCode, badgeNumber }, transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<Officer>> ListAsync(string agencyCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Officer>(new CommandDefinition(
            $"SELECT {Columns} FROM officers WHERE agency_code = @agencyCode ORDER BY badge_number",
            new { agencyCode }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Inserts an officer; false when the badge number is taken in the agency.</summary>
    public Task<bool> CreateAsync(string agencyCode, string badgeNumber, string name, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (await FindAsync(connection, transaction, agencyCode, badgeNumber, cancellationToken) is not null)
                {
                    return false;
                }

                await UpsertAsync(connection, transaction, agencyCode, badgeNumber, name, time.GetUtcNow(), cancellationToken);
                return true;
            },
            cancellationToken);

    public async Task<bool> RenameAsync(string agencyCode, string badgeNumber, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE officers SET name = @name, updated_at = @now WHERE agency_code = @agencyCode AND badge_number = @badgeNumber",
            new { agencyCode, badgeNumber, name, now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Inserts the officer or updates its name; true when it was new.</summary>
    internal static async Task<bool> UpsertAsync(
        DbConnection connection, DbTransaction transaction, string agencyCode, string badgeNumber, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE officers SET name = @name, updated_at = @now WHERE agency_code = @agencyCode AND badge_number = @badgeNumber",
            new { agencyCode, badgeNumber, name, now }, transaction, cancellationToken: cancellationToken));
        if (updated == 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO officers (agency_code, badge_number, name, created_at, updated_at) VALUES (@agencyCode, @badgeNumber, @name, @now, @now)",
            new { agencyCode, badgeNumber, name, now }, transaction, cancellationToken: cancellationToken));
        return true;
    }
}
