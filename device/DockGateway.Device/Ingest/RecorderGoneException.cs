namespace DockGateway.Device.Ingest;

/// <summary>The recorder's volume vanished mid-ingest (pulled out): the session ends quietly, nothing more is wiped.</summary>
public sealed class RecorderGoneException : IOException
{
    public RecorderGoneException()
    {
    }

    public RecorderGoneException(string message)
        : base(message)
    {
    }

    public RecorderGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
