namespace DockGateway.Device.Hardware.Gpio;

/// <summary>Which System.Device.Gpio driver talks to the chip (<c>Dock:Hardware:GpioDriver</c>).</summary>
public enum GpioDriverKind
{
    /// <summary>libgpiod 2.x (libgpiod.so.3) when installed, otherwise libgpiod 1.x (libgpiod.so.2).</summary>
    Auto,

    /// <summary><c>LibGpiodDriver</c>: libgpiod 1.x, Debian package libgpiod2 (Raspberry Pi OS bookworm).</summary>
    Libgpiod,

    /// <summary><c>LibGpiodV2Driver</c>: libgpiod 2.x, Debian package libgpiod3 (Raspberry Pi OS trixie).</summary>
    LibgpiodV2,
}
