namespace DockGateway.Device.Hardware.Display;

/// <summary>The configured display could not be opened; the message names the key to check.</summary>
public sealed class DisplayException : Exception
{
    public DisplayException()
    {
    }

    public DisplayException(string message)
        : base(message)
    {
    }

    public DisplayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
