namespace DockGateway.Device.Hardware.Gpio;

/// <summary>A GPIO chip: the one place the dock's switches, LEDs and buzzer are wired to.</summary>
public interface IGpio : IDisposable
{
    /// <summary>The chip's name (gpiochip0), for messages.</summary>
    string Chip { get; }

    IGpioInput OpenInput(int pin, GpioBias bias);

    IGpioOutput OpenOutput(int pin, bool initialValue);
}
