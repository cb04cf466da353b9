using System.Device.I2c;
using Iot.Device.CharacterLcd;

namespace DockGateway.Device.Hardware.Display;

/// <summary>Opens the 20x4 LCD of <c>Dock:Hardware:Display</c>: an HD44780 driven in 4-bit mode through a PCF8574.</summary>
public static class CharacterDisplay
{
    /// <summary>
    /// The display on /dev/i2c-<c>Bus</c> at <c>Address</c>. A missing bus or a device that does not
    /// answer is a <see cref="DisplayException"/> naming the key, so the dock stops at start.
    /// </summary>
    public static ICharacterLcd Open(DisplayOptions options)
    {
        var bus = $"/dev/i2c-{options.Bus}";
        if (!File.Exists(bus))
        {
            throw new DisplayException(
                $"Dock:Hardware:Display:Bus is {options.Bus} but {bus} does not exist: enable I2C (raspi-config, dtparam=i2c_arm=on) "
                + "or remove Dock:Hardware:Display if no display is fitted.");
        }

        var device = I2cDevice.Create(new I2cConnectionSettings(options.Bus, options.Address));
        try
        {
            // The PCF8574 backpack: P0 RS, P1 RW, P2 E, P3 backlight, P4-P7 D4-D7 (Lcd2004's 4-bit I2C interface).
            return new Lcd2004(LcdInterface.CreateI2c(device, uses8Bit: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            device.Dispose();
            throw new DisplayException(
                $"No display answers at Dock:Hardware:Display:Address {options.Address} (0x{options.Address:X2}) on {bus}: {e.Message} (i2cdetect -y {options.Bus} lists the devices).",
                e);
        }
    }
}
