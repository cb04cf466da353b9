namespace DockGateway.Cloud.Ratios;

/// <summary>One page of equipment ratios: <see cref="Total"/> agencies match; <see cref="Next"/> is the next page's <c>after</c> (null at the end).</summary>
public sealed record RatioPage(IReadOnlyList<EquipmentRatio> Items, long Total, string? Next, DateTimeOffset ComputedAt);
