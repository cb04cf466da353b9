using DockGateway.Device.Hardware.Gpio;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Gpio;

public sealed class LibgpiodGpioTests
{
    [RequiresFact(Needs.Gpiod)]
    public void Binding_loads_libgpiod_1_x()
    {
        Assert.StartsWith("1.", GpiodLibrary.Version, StringComparison.Ordinal);
    }

    [RequiresFact(Needs.Gpiod)]
    public void Opening_a_missing_chip_names_the_chip_and_the_errno()
    {
        var error = Assert.Throws<GpioException>(() => LibgpiodGpio.Open("gpiochip97"));

        Assert.Contains("'gpiochip97'", error.Message, StringComparison.Ordinal);
        Assert.Contains("errno", error.Message, StringComparison.Ordinal);
        Assert.Contains("Dock:Hardware:GpioChip", error.Message, StringComparison.Ordinal);
    }
}
