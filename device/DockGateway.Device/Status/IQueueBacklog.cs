namespace DockGateway.Device.Status;

/// <summary>
/// A queue that also knows how many bytes wait in it and since when its oldest item waits (the upload queue): the
/// status reports them beside its length as <c>queues.&lt;name&gt;_bytes</c> and <c>queues.&lt;name&gt;_oldest_s</c>,
/// so a manager sees a dock falling behind the 24-hour deadline before it is missed.
/// </summary>
public interface IQueueBacklog : IQueueLength
{
    /// <summary>Bytes of the items waiting.</summary>
    long QueueBytes { get; }

    /// <summary>When the oldest waiting item was queued (for uploads: its file's ingest), or null when none waits or
    /// the time is unknown (items queued by an older version).</summary>
    DateTimeOffset? OldestQueuedAt { get; }
}
