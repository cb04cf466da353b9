using System.Runtime.InteropServices;
using Native = DockGateway.Device.Interop.Interop.Gpiod;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>A GPIO chip through libgpiod 1.x. Lines are released before the chip is closed.</summary>
public sealed class LibgpiodGpio : IGpio
{
    internal const string Consumer = "dockgateway";

    private readonly GpioChipHandle _chip;
    private readonly List<IDisposable> _lines = [];

    private LibgpiodGpio(string chip, GpioChipHandle handle)
    {
        Chip = chip;
        _chip = handle;
    }

    public string Chip { get; }

    /// <summary>Opens a chip by name (gpiochip0); a missing chip is a <see cref="GpioException"/> naming it.</summary>
    public static LibgpiodGpio Open(string chip)
    {
        _ = GpiodLibrary.Version;
        var handle = Native.gpiod_chip_open_by_name(chip);
        if (handle.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new GpioException(
                $"GPIO chip '{chip}' could not be opened: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}). "
                + "Check Dock:Hardware:GpioChip and that /dev/" + chip + " exists (gpiodetect lists the chips).");
        }

        return new LibgpiodGpio(chip, handle);
    }

    public IGpioInput OpenInput(int pin, GpioBias bias)
    {
        var line = GetLine(pin);
        var flags = bias switch
        {
            GpioBias.Disabled => Native.GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE,
            GpioBias.PullUp => Native.GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP,
            GpioBias.PullDown => Native.GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN,
            _ => 0,
        };
        Check(Native.gpiod_line_request_both_edges_events_flags(line, Consumer, flags), pin, "request edge events on");
        return Track(new LibgpiodInput(this, line, pin));
    }

    public IGpioOutput OpenOutput(int pin, bool initialValue)
    {
        var line = GetLine(pin);
        Check(Native.gpiod_line_request_output(line, Consumer, initialValue ? 1 : 0), pin, "request output on");
        return Track(new LibgpiodOutput(this, line, pin));
    }

    public void Dispose()
    {
        lock (_lines)
        {
            foreach (var line in _lines.ToArray())
            {
                line.Dispose();
            }

            _lines.Clear();
        }

        _chip.Dispose();
    }

    internal void Forget(IDisposable line)
    {
        lock (_lines)
        {
            _lines.Remove(line);
        }
    }

    internal void Check(int result, int pin, string action)
    {
        if (result < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new GpioException(
                $"Could not {action} {Chip} line {pin}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
    }

    private nint GetLine(int pin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        var line = Native.gpiod_chip_get_line(_chip, (uint)pin);
        if (line == 0)
        {
            Check(-1, pin, "get");
        }

        return line;
    }

    private T Track<T>(T line)
        where T : IDisposable
    {
        lock (_lines)
        {
            _lines.Add(line);
        }

        return line;
    }
}
