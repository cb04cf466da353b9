namespace DockGateway.Cloud.Custody;

/// <summary>
/// One custody record of a file (a dock's <c>ingested</c> entry for it), with everything a browser needs to check it
/// without trusting the server: the entries verbatim and their tlog-proof bundles, which carry the checkpoint signed by
/// the dock and cosigned by the cloud. <see cref="DockKey"/> and <see cref="WitnessKey"/> are what the server claims;
/// a verifier uses keys it pinned. The other fields come from the footage index and registry, unverified.
/// </summary>
public sealed record CustodyFileRecord
{
    public required string DockId { get; init; }

    public required string Origin { get; init; }

    public required string AgencyCode { get; init; }

    public required string Recorder { get; init; }

    public string? OfficerBadge { get; init; }

    public string? OfficerName { get; init; }

    public required string Path { get; init; }

    public DateTimeOffset RecordedStart { get; init; }

    public DateTimeOffset RecordedEnd { get; init; }

    public DateTimeOffset IngestedAt { get; init; }

    public long Size { get; init; }

    public bool Late { get; init; }

    /// <summary>The file's bytes reached the cloud (a completed upload for this entry).</summary>
    public bool InCloud { get; init; }

    public required CustodyEntryProof Ingested { get; init; }

    public CustodyEntryProof? Uploaded { get; init; }

    /// <summary>The size of the cosigned checkpoint the proofs lead to (null: none covers the stored entries yet).</summary>
    public long? CheckpointSize { get; init; }

    public DateTimeOffset? CosignedAt { get; init; }

    /// <summary>The dock's note verifier key as the server has it (<c>origin+keyid+base64(0x01 ‖ key)</c>): shown, not to be trusted.</summary>
    public required string DockKey { get; init; }

    /// <summary>The cloud witness's cosignature verifier key (<c>name+keyid+base64(0x04 ‖ key)</c>): shown, not to be trusted.</summary>
    public required string WitnessKey { get; init; }
}
