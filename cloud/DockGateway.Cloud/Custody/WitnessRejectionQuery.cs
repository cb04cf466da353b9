using Dapper;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Custody;

/// <summary>The refused checkpoints of one origin, newest first, paged (witness_rejections, indexed by origin and time).</summary>
public sealed class WitnessRejectionQuery(ICloudDatabase database)
{
    public async Task<(IReadOnlyList<WitnessRejectionItem> Items, long Total)> PageAsync(string origin, OffsetPage page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM witness_rejections WHERE origin = @origin", new { origin }, cancellationToken: cancellationToken));
        var rows = total <= page.Offset ? [] : await connection.QueryAsync<(string Id, long At, string Reason, string Body)>(new CommandDefinition(
            $"SELECT id, at, reason, body FROM witness_rejections WHERE origin = @origin ORDER BY at DESC, id DESC LIMIT {page.Limit} OFFSET {page.Offset}",
            new { origin }, cancellationToken: cancellationToken));
        return (rows.Select(r => new WitnessRejectionItem(r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Reason, r.Body)).ToList(), total);
    }
}
