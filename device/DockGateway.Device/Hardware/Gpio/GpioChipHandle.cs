using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>An open libgpiod chip (struct gpiod_chip*); closing it releases its lines.</summary>
internal sealed class GpioChipHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GpioChipHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Interop.Gpiod.gpiod_chip_close(handle);
        return true;
    }
}
