namespace DockGateway.Device.Hardware.Adapters;

/// <summary>A recorder did not answer a vendor command as expected; the message quotes the command and reply.</summary>
public sealed class AdapterException : Exception
{
    public AdapterException()
    {
    }

    public AdapterException(string message)
        : base(message)
    {
    }

    public AdapterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
