namespace DockGateway.Cloud.Retrieval;

/// <summary>A page of the footage search; <c>Next</c> goes in <c>after</c> for the following page (null on the last).</summary>
public sealed record FootagePage(IReadOnlyList<FootageHit> Items, string? Next);
