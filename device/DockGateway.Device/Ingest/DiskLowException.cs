namespace DockGateway.Device.Ingest;

/// <summary>The dock's storage is below its free-space threshold: ingest stops, the recorder keeps its files.</summary>
public sealed class DiskLowException : IOException
{
    public DiskLowException()
    {
    }

    public DiskLowException(string message)
        : base(message)
    {
    }

    public DiskLowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long FreeBytes { get; init; }

    public long RequiredBytes { get; init; }
}
