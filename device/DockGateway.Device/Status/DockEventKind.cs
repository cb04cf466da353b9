namespace DockGateway.Device.Status;

/// <summary>What a dock event reports. Serialized as the lower-case kebab name (<c>disk-low</c>).</summary>
public enum DockEventKind
{
    Inserted,
    Ingested,
    Refused,
    Late,
    Overdue,
    Gap,
    DiskLow,
    Error,
    Uploaded,
    Witnessed,

    /// <summary>A recorder not registered to this agency was ingested (an alert).</summary>
    Unregistered,
}
