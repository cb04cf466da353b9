namespace DockGateway.Device.Hardware.Gpio;

/// <summary>An output line (an LED, the buzzer).</summary>
public interface IGpioOutput : IDisposable
{
    int Pin { get; }

    void Write(bool value);
}
