using Native = DockGateway.Device.Interop.Interop.Gpiod;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>An output line requested through libgpiod.</summary>
internal sealed class LibgpiodOutput(LibgpiodGpio chip, nint line, int pin) : IGpioOutput
{
    private int _released;

    public int Pin => pin;

    public void Write(bool value) => chip.Check(Native.gpiod_line_set_value(line, value ? 1 : 0), pin, "set");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Native.gpiod_line_release(line);
            chip.Forget(this);
        }
    }
}
