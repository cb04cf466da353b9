namespace DockGateway.Cloud.Ratios;

/// <summary>One page of overdue recorders, longest away first; <see cref="Next"/> fetches the following page (null at the end).</summary>
public sealed record OverduePage(IReadOnlyList<OverdueRecorder> Items, string? Next, DateTimeOffset ComputedAt);
