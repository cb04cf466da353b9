namespace DockGateway.Device.Hardware.Gpio;

/// <summary>A GPIO operation failed; the message names the chip and pin and carries the errno text.</summary>
public sealed class GpioException : Exception
{
    public GpioException()
    {
    }

    public GpioException(string message)
        : base(message)
    {
    }

    public GpioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
