namespace DockGateway.Cloud.Witness;

/// <summary>
/// Body of <c>POST /api/v1/docks/{id}/entries</c>: entries with their indices (contiguous, starting at or
/// below the number the cloud holds), and what proves the root they give at their end size s: nothing when
/// the cloud cosigned a checkpoint of exactly size s; or <see cref="CosignedSize"/> S ≥ s with
/// <see cref="ConsistencyProof"/>, the RFC 6962 consistency proof (base64 hashes) from (s, root) to the
/// checkpoint of size S the cloud cosigned; or <see cref="Checkpoint"/>, the dock's signed checkpoint of
/// size s, to be cosigned with the entries.
/// </summary>
public sealed record CustodyEntryBatch(
    IReadOnlyList<CustodyEntryItem>? Entries,
    string? Checkpoint,
    long? CosignedSize = null,
    IReadOnlyList<string>? ConsistencyProof = null);
