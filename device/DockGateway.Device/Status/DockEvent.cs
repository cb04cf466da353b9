namespace DockGateway.Device.Status;

/// <summary>
/// One event for the <c>events</c> topic. <see cref="Key"/> identifies it for consumers that must
/// de-duplicate (delivery is at least once): <c>custody:&lt;index&gt;</c> for events that mirror a
/// custody entry, otherwise a fresh id.
/// </summary>
public sealed record DockEvent(DockEventKind Kind, string Key, DateTimeOffset Time)
{
    public int? Slot { get; init; }

    public string? Recorder { get; init; }

    /// <summary>The recorder-side path of the file concerned.</summary>
    public string? File { get; init; }

    public string? Sha256 { get; init; }

    public long? Size { get; init; }

    /// <summary>The custody log index of the entry this event mirrors.</summary>
    public long? CustodyIndex { get; init; }

    /// <summary>For a gap: the first and last missing file sequence numbers.</summary>
    public long? MissingFrom { get; init; }

    public long? MissingTo { get; init; }

    /// <summary>A human-readable explanation (refusal reason, error text).</summary>
    public string? Message { get; init; }

    public static DockEvent Create(DockEventKind kind, DateTimeOffset time) =>
        new(kind, $"event:{Guid.NewGuid():N}", time);
}
