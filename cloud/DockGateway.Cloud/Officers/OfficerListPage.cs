namespace DockGateway.Cloud.Officers;

/// <summary>One page of the officer list: <see cref="Total"/> officers match; <see cref="Next"/> is the next page's <c>after</c> (null at the end).</summary>
public sealed record OfficerListPage(IReadOnlyList<OfficerListItem> Items, long Total, string? Next, DateTimeOffset ComputedAt);
