namespace DockGateway.Cloud.Custody;

/// <summary>One page of the custody overview: <see cref="Total"/> docks match; <see cref="Next"/> is the next page's <c>after</c> (null at the end).</summary>
public sealed record CustodyDockPage(IReadOnlyList<CustodyDockItem> Items, long Total, string? Next);
