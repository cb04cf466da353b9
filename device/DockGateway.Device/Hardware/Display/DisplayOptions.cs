namespace DockGateway.Device.Hardware.Display;

/// <summary>
/// The optional 20x4 character LCD (HD44780 on a PCF8574 I2C backpack), bound from
/// <c>Dock:Hardware:Display</c>. Absent: no display.
/// </summary>
public sealed class DisplayOptions
{
    /// <summary>The I2C bus: /dev/i2c-1 on a Raspberry Pi's header pins 3 (SDA) and 5 (SCL).</summary>
    public int Bus { get; set; } = 1;

    /// <summary>The backpack's 7-bit address: 39 (0x27) for a PCF8574, 63 (0x3F) for a PCF8574A.</summary>
    public int Address { get; set; } = 0x27;

    /// <summary>How long each page shows when more than two slots share the display.</summary>
    public TimeSpan PageInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with <paramref name="options"/>, each message naming its key under <paramref name="key"/>.</summary>
    public static IEnumerable<string> Check(DisplayOptions options, string key)
    {
        if (options.Bus is < 0 or > 255)
        {
            yield return $"{key}:Bus {options.Bus} is not an I2C bus number (0-255, /dev/i2c-N)";
        }

        if (options.Address is < 0x08 or > 0x77)
        {
            yield return $"{key}:Address {options.Address} is not a 7-bit I2C device address (8-119; a PCF8574 backpack is 39 = 0x27, a PCF8574A 63 = 0x3F)";
        }

        if (options.PageInterval < TimeSpan.FromSeconds(1) || options.PageInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"{key}:PageInterval {options.PageInterval} must be between 00:00:01 and 00:01:00";
        }
    }
}
