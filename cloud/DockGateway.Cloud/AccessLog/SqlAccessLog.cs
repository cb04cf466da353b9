using System.Security.Claims;
using Dapper;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.AccessLog;

/// <summary>The access log in the <c>access_log</c> table.</summary>
public sealed class SqlAccessLog(ICloudDatabase database, TimeProvider time) : IAccessLog
{
    public async Task<AccessLogEntry> RecordAsync(
        ClaimsPrincipal reader, string action, string resource, string? agencyCode, string? detail, CancellationToken cancellationToken)
    {
        var actorId = reader.FindFirstValue(CloudClaims.TokenId) ?? reader.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var entry = new AccessLogEntry(
            Guid.CreateVersion7().ToString("n"), time.GetUtcNow(), actorId, reader.Identity?.Name ?? actorId,
            reader.FindFirstValue(ClaimTypes.Role) ?? "unknown", action, resource, agencyCode, detail);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO access_log (id, at, actor_id, actor_name, role, action, resource, agency_code, detail)
            VALUES (@Id, @at, @ActorId, @ActorName, @Role, @Action, @Resource, @AgencyCode, @Detail)
            """,
            new { entry.Id, at = entry.At.ToUnixTimeMilliseconds(), entry.ActorId, entry.ActorName, entry.Role, entry.Action, entry.Resource, entry.AgencyCode, entry.Detail },
            cancellationToken: cancellationToken));
        return entry;
    }

    public async Task<IReadOnlyList<AccessLogEntry>> ListAsync(AccessLogQuery query, CancellationToken cancellationToken)
    {
        var sql = "SELECT id, at, actor_id, actor_name, role, action, resource, agency_code, detail FROM access_log WHERE at >= @since";
        if (query.Agencies is not null)
        {
            sql += " AND " + database.AnyOf("agency_code", "agencies");
        }

        if (query.Action is not null)
        {
            sql += " AND action = @action";
        }

        if (query.Until is not null)
        {
            sql += " AND at < @until";
        }

        if (query.Actor is not null)
        {
            sql += " AND (actor_id = @actor OR actor_name = @actor)";
        }

        if (query.Resource is not null)
        {
            sql += " AND resource = @resource";
        }

        if (query.After is not null)
        {
            sql += " AND (at < @afterAt OR (at = @afterAt AND id < @afterId))";
        }

        sql += " ORDER BY at DESC, id DESC LIMIT @limit";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, long At, string ActorId, string ActorName, string Role, string Action, string Resource, string? AgencyCode, string? Detail)>(
            new CommandDefinition(sql, new
            {
                since = query.Since?.ToUnixTimeMilliseconds() ?? 0L,
                until = query.Until?.ToUnixTimeMilliseconds() ?? 0L,
                agencies = query.Agencies?.ToArray() ?? [],
                action = query.Action,
                actor = query.Actor,
                resource = query.Resource,
                afterAt = query.After?.TimeMs ?? 0L,
                afterId = query.After?.Id ?? string.Empty,
                limit = (long)query.Limit,
            }, cancellationToken: cancellationToken));
        return rows.Select(r => new AccessLogEntry(
            r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.ActorId, r.ActorName, r.Role, r.Action, r.Resource, r.AgencyCode, r.Detail)).ToList();
    }
}
