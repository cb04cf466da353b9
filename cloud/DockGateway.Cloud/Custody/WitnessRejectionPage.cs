namespace DockGateway.Cloud.Custody;

/// <summary>One page of a dock's refused checkpoints, newest first; <see cref="Next"/> is the next page's <c>after</c>.</summary>
public sealed record WitnessRejectionPage(string DockId, string? Origin, IReadOnlyList<WitnessRejectionItem> Items, long Total, string? Next);
