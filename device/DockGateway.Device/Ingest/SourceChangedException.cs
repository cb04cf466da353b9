namespace DockGateway.Device.Ingest;

/// <summary>A recorder file changed (size, time, content) while it was being ingested: it must not be wiped.</summary>
public sealed class SourceChangedException : IOException
{
    public SourceChangedException()
    {
    }

    public SourceChangedException(string message)
        : base(message)
    {
    }

    public SourceChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
