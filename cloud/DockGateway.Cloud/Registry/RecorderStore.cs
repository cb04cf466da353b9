using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Registry;

/// <summary>Reads and writes <c>recorders</c>. The fleet handler moves <c>last_docked_at</c> (Fleet/RecorderSightings).</summary>
public sealed class RecorderStore(ICloudDatabase database, TimeProvider time)
{
    private const string Columns = """
        serial AS Serial, agency_code AS AgencyCode, vendor AS Vendor, model AS Model, status AS Status,
        assigned_badge AS AssignedBadge, issued_at AS IssuedAt, last_docked_at AS LastDockedAt, last_dock_id AS LastDockId, updated_at AS UpdatedAt
        """;

    public async Task<Recorder?> FindAsync(string serial, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, serial, cancellationToken);
    }

    internal static Task<Recorder?> FindAsync(DbConnection connection, DbTransaction? transaction, string serial, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Recorder>(new CommandDefinition(
            $"SELECT {Columns} FROM recorders WHERE serial = @serial", new { serial }, transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<Recorder>> ListAsync(string agencyCode, string? status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var filter = status is null ? string.Empty : " AND status = @status";
        return (await connection.QueryAsync<Recorder>(new CommandDefinition(
            $"SELECT {Columns} FROM recorders WHERE agency_code = @agencyCode{filter} ORDER BY serial",
            new { agencyCode, status }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Validates and writes a recorder in one transaction: <see cref="RecorderWrite.Created"/>,
    /// <see cref="RecorderWrite.Updated"/>, or the reason it was refused (nothing written).</summary>
    public Task<RecorderWrite> SaveAsync(string agencyCode, RecorderRequest request, bool mustBeNew, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            (connection, transaction) => SaveAsync(connection, transaction, agencyCode, request, mustBeNew, time.GetUtcNow(), cancellationToken),
            cancellationToken);

    internal static async Task<RecorderWrite> SaveAsync(
        DbConnection connection, DbTransaction transaction, string agencyCode, RecorderRequest request, bool mustBeNew, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(connection, transaction, request.Serial!, cancellationToken);
        if (existing is not null && (mustBeNew || existing.AgencyCode != agencyCode))
        {
            return existing.AgencyCode == agencyCode ? RecorderWrite.Duplicate : RecorderWrite.OtherAgency;
        }

        if (request.AssignedBadge is not null)
        {
            if (await OfficerStore.FindAsync(connection, transaction, agencyCode, request.AssignedBadge, cancellationToken) is null)
            {
                return RecorderWrite.UnknownOfficer;
            }
        }

        var args = new { serial = request.Serial, agencyCode, request.Vendor, request.Model, request.Status, request.AssignedBadge, now };
        if (existing is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO recorders (serial, agency_code, vendor, model, status, assigned_badge, issued_at, last_docked_at, updated_at)
                VALUES (@serial, @agencyCode, @Vendor, @Model, @Status, @AssignedBadge, @now, NULL, @now)
                """, args, transaction, cancellationToken: cancellationToken));
            return RecorderWrite.Created;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE recorders SET vendor = @Vendor, model = @Model, status = @Status, assigned_badge = @AssignedBadge, updated_at = @now
            WHERE serial = @serial
            """, args, transaction, cancellationToken: cancellationToken));
        return RecorderWrite.Updated;
    }
}
