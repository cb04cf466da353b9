namespace DockGateway.Cloud.Fleet;

/// <summary>One page of alerts, newest first; <see cref="Next"/> fetches the following page (null at the end).</summary>
public sealed record AlertPage(IReadOnlyList<AlertItem> Items, string? Next);
