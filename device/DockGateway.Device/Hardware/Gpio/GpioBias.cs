namespace DockGateway.Device.Hardware.Gpio;

/// <summary>The pull resistor on an input line.</summary>
public enum GpioBias
{
    AsIs,
    Disabled,
    PullUp,
    PullDown,
}
