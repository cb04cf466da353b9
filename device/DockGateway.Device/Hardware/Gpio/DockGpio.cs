using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Globalization;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>Opens the dock's GPIO chip as a System.Device.Gpio <see cref="GpioController"/> over libgpiod.</summary>
public static class DockGpio
{
    private const string ChipPrefix = "gpiochip";

    /// <summary>
    /// The chip named by <c>Dock:Hardware:GpioChip</c> through the driver <c>Dock:Hardware:GpioDriver</c>
    /// selects. A missing chip or library is a <see cref="GpioException"/> naming the key.
    /// </summary>
    public static GpioController Open(DockHardwareOptions options)
    {
        var chip = ChipNumber(options.GpioChip)
            ?? throw new GpioException($"Dock:Hardware:GpioChip '{options.GpioChip}' is not a chip name such as gpiochip0.");
        var device = $"/dev/{ChipPrefix}{chip}";
        if (!File.Exists(device))
        {
            throw new GpioException(
                $"GPIO chip '{options.GpioChip}' ({device}) does not exist: check Dock:Hardware:GpioChip (gpiodetect lists the chips).");
        }

        var kind = LibgpiodLibrary.Resolve(options.GpioDriver);
        try
        {
            GpioDriver driver = kind == GpioDriverKind.LibgpiodV2 ? new LibGpiodV2Driver(chip) : new LibGpiodDriver(chip);
            return new GpioController(driver);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            throw new GpioException($"GPIO chip '{options.GpioChip}' could not be opened through {kind}: {e.Message} (Dock:Hardware:GpioChip).", e);
        }
    }

    /// <summary>The chip number of <c>gpiochip3</c> or <c>3</c>; null when the value is neither.</summary>
    public static int? ChipNumber(string? chip)
    {
        var digits = chip is not null && chip.StartsWith(ChipPrefix, StringComparison.Ordinal) ? chip[ChipPrefix.Length..] : chip;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
