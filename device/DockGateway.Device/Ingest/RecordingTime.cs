namespace DockGateway.Device.Ingest;

/// <summary>When a recording started and ended, and where that came from: "metadata", "filename" or "filetime".</summary>
public sealed record RecordingTime(DateTimeOffset Start, DateTimeOffset End, string Source)
{
    public const string Metadata = "metadata";
    public const string FileName = "filename";
    public const string FileTime = "filetime";
}
