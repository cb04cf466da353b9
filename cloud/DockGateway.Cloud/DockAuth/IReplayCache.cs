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

    /// <summary>True when <paramref name="replayKey"/> is already recorded for <paramref name="keyId"/> (a read: the
    /// caller records it later, see <see cref="PendingReplay"/>). Entries older than <paramref name="forgetBefore"/> may be dropped.</summary>
    Task<bool> SeenAsync(string keyId, string replayKey, DateTimeOffset forgetBefore, CancellationToken cancellationToken);
}
