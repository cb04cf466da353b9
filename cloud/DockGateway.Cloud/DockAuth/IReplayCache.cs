namespace DockGateway.Cloud.DockAuth;

/// <summary>
/// Signatures already accepted, shared by every cloud instance (it lives in the database), so a
/// captured request cannot be replayed against another instance within the freshness window.
/// </summary>
public interface IReplayCache
{
    /// <summary>Records <paramref name="replayKey"/> for <paramref name="keyId"/>; false when it was
    /// already recorded (a replay). Entries older than <paramref name="forgetBefore"/> may be dropped.</summary>
    Task<bool> TryRecordAsync(string keyId, string replayKey, DateTimeOffset seenAt, DateTimeOffset forgetBefore, CancellationToken cancellationToken);
}
