namespace DockGateway.Cloud.DockAuth;

/// <summary>
/// A verified signature whose replay-cache row is not written yet. For a tus PATCH (<see cref="StreamedBodyMetadata"/>)
/// the row goes into the same transaction as the upload's new offset, one durable commit per chunk instead of two:
/// the signature is recorded exactly when its chunk counts, and a crash before that commit leaves neither. Whatever
/// the endpoint did not record, <see cref="DockSignatureFilter"/> records after it (a refusal, a completion).
/// </summary>
public sealed class PendingReplay(string keyId, string replayKey, DateTimeOffset seenAt)
{
    public string KeyId { get; } = keyId;

    public string ReplayKey { get; } = replayKey;

    public DateTimeOffset SeenAt { get; } = seenAt;

    /// <summary>True once the row is committed (or was refused as a replay inside the endpoint's transaction).</summary>
    public bool Recorded { get; private set; }

    public void MarkRecorded() => Recorded = true;
}
