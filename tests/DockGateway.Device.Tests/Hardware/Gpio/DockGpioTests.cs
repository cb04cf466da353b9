using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Gpio;

public sealed class DockGpioTests
{
    [Theory]
    [InlineData("gpiochip0", 0)]
    [InlineData("gpiochip4", 4)]
    [InlineData("12", 12)]
    [InlineData("gpiochip", null)]
    [InlineData("chip0", null)]
    [InlineData("gpiochip-1", null)]
    [InlineData(null, null)]
    public void Chip_number_is_read_from_the_name_or_the_number(string? chip, int? expected)
    {
        Assert.Equal(expected, DockGpio.ChipNumber(chip));
    }

    [Fact]
    public void Opening_a_missing_chip_names_the_chip_and_the_key()
    {
        var error = Assert.Throws<GpioException>(() => DockGpio.Open(new DockHardwareOptions { GpioChip = "gpiochip97" }));

        Assert.Contains("'gpiochip97'", error.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/gpiochip97", error.Message, StringComparison.Ordinal);
        Assert.Contains("Dock:Hardware:GpioChip", error.Message, StringComparison.Ordinal);
    }

    [RequiresFact(Needs.Gpiod)]
    public void Auto_picks_the_libgpiod_that_is_installed()
    {
        var expected = LibgpiodLibrary.IsInstalled(LibgpiodLibrary.V2Soname) ? GpioDriverKind.LibgpiodV2 : GpioDriverKind.Libgpiod;

        Assert.Equal(expected, LibgpiodLibrary.Resolve(GpioDriverKind.Auto));
    }

    [Fact]
    public void Asking_for_libgpiod_2_gets_it_or_an_error_naming_the_key_and_the_package()
    {
        if (LibgpiodLibrary.IsInstalled(LibgpiodLibrary.V2Soname))
        {
            Assert.Equal(GpioDriverKind.LibgpiodV2, LibgpiodLibrary.Resolve(GpioDriverKind.LibgpiodV2));
            return;
        }

        var error = Assert.Throws<GpioException>(() => LibgpiodLibrary.Resolve(GpioDriverKind.LibgpiodV2));

        Assert.Contains("Dock:Hardware:GpioDriver is LibgpiodV2", error.Message, StringComparison.Ordinal);
        Assert.Contains("libgpiod3", error.Message, StringComparison.Ordinal);
    }
}
