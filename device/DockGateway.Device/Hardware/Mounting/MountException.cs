namespace DockGateway.Device.Hardware.Mounting;

/// <summary>A volume could not be mounted or unmounted; the message names the device and mount point.</summary>
public sealed class MountException : Exception
{
    public MountException()
    {
    }

    public MountException(string message)
        : base(message)
    {
    }

    public MountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
