using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Registry;

/// <summary>Reads <c>docks</c> (enrolment writes them).</summary>
public sealed class DockStore(ICloudDatabase database)
{
    private const string Columns = """
        id AS Id, agency_code AS AgencyCode, site AS Site, slots AS Slots, public_key AS PublicKey,
        enrolled_at AS EnrolledAt, last_seen_at AS LastSeenAt
        """;

    public async Task<Dock?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Dock>(new CommandDefinition(
            $"SELECT {Columns} FROM docks WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Docks in id order; <paramref name="agencyCodes"/> null = every agency.</summary>
    public async Task<IReadOnlyList<Dock>> ListAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var where = agencyCodes is null ? string.Empty : "WHERE " + database.AnyOf("agency_code", "agencyCodes");
        return (await connection.QueryAsync<Dock>(new CommandDefinition(
            $"SELECT {Columns} FROM docks {where} ORDER BY id", new { agencyCodes = agencyCodes?.ToArray() ?? [] },
            cancellationToken: cancellationToken))).ToList();
    }
}
