namespace DockGateway.Cloud.Registry;

/// <summary>One page of the recorder list: <see cref="Total"/> recorders match; <see cref="Next"/> is the following page's <c>after</c> (null at the end).</summary>
public sealed record RecorderListPage(IReadOnlyList<RecorderListItem> Items, long Total, string? Next, DateTimeOffset ComputedAt);
