namespace DockGateway.Cloud.Uploads;

/// <summary>What <see cref="IUploadStore.TryAdvanceAsync(string, long, long, DateTimeOffset, string, DockAuth.PendingReplay, CancellationToken)"/> did.</summary>
public enum UploadAdvance
{
    /// <summary>The new offset and the signature's replay-cache row are committed together.</summary>
    Advanced,

    /// <summary>The offset was no longer the expected one: not moved (the signature is recorded as used).</summary>
    OffsetMoved,

    /// <summary>The signature was already recorded (a replay that raced past the first check): nothing changed.</summary>
    Replayed,
}
