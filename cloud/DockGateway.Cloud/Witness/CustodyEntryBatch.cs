using System.Text.Json;
namespace DockGateway.Cloud.Witness;

/// <summary>
/// Body of <c>POST /api/v1/docks/{id}/entries</c>: entries with their indices (contiguous, starting
/// at or below the number the cloud holds), and optionally the dock's signed checkpoint whose root
/// they produce.
/// </summary>
public sealed record CustodyEntryBatch(
    IReadOnlyList<CustodyEntryItem>? Entries,
    string? Checkpoint);
