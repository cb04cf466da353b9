using DockGateway.Cloud.Paging;

namespace DockGateway.Cloud.AccessLog;

/// <summary>
/// Filters for listing the access log, newest first: <paramref name="Agencies"/> null = every agency; <paramref name="Since"/>
/// inclusive, <paramref name="Until"/> exclusive; <paramref name="Actor"/> a token id or a person's name (exact);
/// <paramref name="Resource"/> exact (a SHA-256, a case id); <paramref name="After"/> the last entry of the previous page.
/// </summary>
public sealed record AccessLogQuery(
    IReadOnlyCollection<string>? Agencies, DateTimeOffset? Since, string? Action, int Limit,
    DateTimeOffset? Until = null, string? Actor = null, string? Resource = null, KeysetCursor? After = null);
