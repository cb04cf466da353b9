using System.Security.Claims;

namespace DockGateway.Cloud.AccessLog;

/// <summary>
/// Records every read of footage, proof or export (MISSION rule 8). Call it before sending the content:
/// <c>await accessLog.RecordAsync(http.User, "footage.read", sha256, agencyCode, null, ct)</c>.
/// </summary>
public interface IAccessLog
{
    Task<AccessLogEntry> RecordAsync(
        ClaimsPrincipal reader, string action, string resource, string? agencyCode, string? detail, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessLogEntry>> ListAsync(AccessLogQuery query, CancellationToken cancellationToken);
}
