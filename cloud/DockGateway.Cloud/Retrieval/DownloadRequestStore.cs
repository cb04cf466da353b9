using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Retrieval;

/// <summary>The <c>download_requests</c> table.</summary>
public sealed class DownloadRequestStore(ICloudDatabase database)
{
    private const string Select = """
        SELECT id AS Id, agency_code AS AgencyCode, sha256 AS Sha256, requested_by AS RequestedBy, requested_by_name AS RequestedByName,
               reason AS Reason, requested_at AS RequestedAt, approved_by AS ApprovedBy, approved_by_name AS ApprovedByName, approved_at AS ApprovedAt
        FROM download_requests
        """;

    public async Task AddAsync(DownloadRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO download_requests (id, agency_code, sha256, requested_by, requested_by_name, reason, requested_at)
            VALUES (@Id, @AgencyCode, @Sha256, @RequestedBy, @RequestedByName, @Reason, @at)
            """,
            new { request.Id, request.AgencyCode, request.Sha256, request.RequestedBy, request.RequestedByName, request.Reason, at = request.RequestedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task<DownloadRequest?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync(Select + " WHERE id = @id", new { id }, cancellationToken)) is [var first, ..] ? first : null;

    /// <summary>The caller's requests for this file in this agency, newest first.</summary>
    public Task<IReadOnlyList<DownloadRequest>> ForAsync(string sha256, string agencyCode, string requestedBy, CancellationToken cancellationToken) =>
        QueryAsync(Select + " WHERE sha256 = @sha256 AND agency_code = @agencyCode AND requested_by = @requestedBy ORDER BY requested_at DESC, id DESC",
            new { sha256, agencyCode, requestedBy }, cancellationToken);

    /// <summary>Pending and approved requests of the agencies (null = all), newest first.</summary>
    public Task<IReadOnlyList<DownloadRequest>> ListAsync(IReadOnlyCollection<string>? agencies, bool pendingOnly, CancellationToken cancellationToken) =>
        QueryAsync(Select + " WHERE 1 = 1"
            + (agencies is null ? string.Empty : " AND " + database.AnyOf("agency_code", "agencies"))
            + (pendingOnly ? " AND approved_at IS NULL" : string.Empty)
            + " ORDER BY requested_at DESC, id DESC LIMIT 1000",
            new { agencies = agencies?.ToArray() ?? [] }, cancellationToken);

    /// <summary>Approves a pending request; false when it was already approved.</summary>
    public async Task<bool> ApproveAsync(string id, string approvedBy, string approvedByName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE download_requests SET approved_by = @approvedBy, approved_by_name = @approvedByName, approved_at = @at WHERE id = @id AND approved_at IS NULL",
            new { id, approvedBy, approvedByName, at = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    private async Task<IReadOnlyList<DownloadRequest>> QueryAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRequest()).ToList();
    }

    private sealed class Row
    {
        public string Id { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public string Sha256 { get; init; } = string.Empty;

        public string RequestedBy { get; init; } = string.Empty;

        public string RequestedByName { get; init; } = string.Empty;

        public string Reason { get; init; } = string.Empty;

        public long RequestedAt { get; init; }

        public string? ApprovedBy { get; init; }

        public string? ApprovedByName { get; init; }

        public long? ApprovedAt { get; init; }

        public DownloadRequest ToRequest() => new(
            Id, AgencyCode, Sha256, RequestedBy, RequestedByName, Reason, DateTimeOffset.FromUnixTimeMilliseconds(RequestedAt),
            ApprovedBy, ApprovedByName, ApprovedAt is { } a ? DateTimeOffset.FromUnixTimeMilliseconds(a) : null);
    }
}
