namespace DockGateway.Cloud.Fleet;

/// <summary>
/// One message of a dock's <c>events</c> topic: <c>{"v":1,"key":"custody:42","kind":"refused","time":…,
/// "agency":…,"dock":…,"slot":…,"recorder":…,"file":…,"sha256":…,"size":…,"custody_index":…,"message":…,
/// "missing_from":…,"missing_to":…}</c> (the last two for a gap: the missing file sequence numbers).
/// <see cref="Key"/> is unique per dock: delivery is at least once, so the cloud de-duplicates on it.
/// </summary>
public sealed record DockEventReport(string Key, string Kind, DateTimeOffset Time, int? Slot, string? Recorder, string? File, string? Message)
{
    /// <summary>The kinds kept as alerts; the others (inserted, ingested, uploaded, witnessed) only show the dock is alive.</summary>
    public static IReadOnlySet<string> AlertKinds { get; } =
        new HashSet<string>(["refused", "late", "overdue", "gap", "disk-low", "error", "unregistered"], StringComparer.Ordinal);

    /// <summary>For a gap: the first and last missing file sequence numbers.</summary>
    public long? MissingFrom { get; init; }

    public long? MissingTo { get; init; }

    public bool IsAlert => AlertKinds.Contains(Kind);

    public static DockEventReport Parse(ReadOnlyMemory<byte> payload, FleetTopic topic)
    {
        using var document = PayloadFields.Open(payload, topic);
        var o = document.RootElement;
        var kind = PayloadFields.RequiredString(o, "kind", 32);
        if (!kind.All(c => c is (>= 'a' and <= 'z') or '-'))
        {
            throw new FleetPayloadException("kind", $"must be a lower-case event kind such as 'refused' (was '{kind}')");
        }

        var missingFrom = PayloadFields.WholeNumber(o, "missing_from");
        var missingTo = PayloadFields.WholeNumber(o, "missing_to");
        if (missingFrom is null != missingTo is null || missingFrom > missingTo)
        {
            throw new FleetPayloadException("missing_to", $"must come with missing_from and not be below it (were {missingFrom}, {missingTo})");
        }

        return new DockEventReport(
            PayloadFields.RequiredString(o, "key", 128),
            kind,
            PayloadFields.Time(o, "time") ?? throw new FleetPayloadException("time", "is required"),
            (int?)PayloadFields.WholeNumber(o, "slot", 0, FleetTopic.MaxSlot),
            PayloadFields.OptionalText(o, "recorder", 128),
            PayloadFields.OptionalText(o, "file", 512),
            PayloadFields.Text(o, "message", 1000))
        {
            MissingFrom = missingFrom,
            MissingTo = missingTo,
        };
    }
}
