namespace DockGateway.Cloud.Fleet;

/// <summary>One page of unregistered sightings, most recently seen first; <see cref="Next"/> is the next page's <c>after</c>.</summary>
public sealed record UnregisteredSightingPage(IReadOnlyList<UnregisteredSighting> Items, long Total, string? Next);
