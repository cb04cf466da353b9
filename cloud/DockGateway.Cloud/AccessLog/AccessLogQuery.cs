namespace DockGateway.Cloud.AccessLog;

/// <summary>Filters for listing the access log; <paramref name="Agencies"/> null = every agency.</summary>
public sealed record AccessLogQuery(IReadOnlyCollection<string>? Agencies, DateTimeOffset? Since, string? Action, int Limit);
