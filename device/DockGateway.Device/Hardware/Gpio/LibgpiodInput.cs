using System.Runtime.InteropServices;
using Native = DockGateway.Device.Interop.Interop.Gpiod;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>An input line with edge events; waits in slices of at most 200 ms, retrying on EINTR.</summary>
internal sealed class LibgpiodInput(LibgpiodGpio chip, nint line, int pin) : IGpioInput
{
    private const int EINTR = 4;
    private static readonly TimeSpan s_slice = TimeSpan.FromMilliseconds(200);
    private int _released;

    public int Pin => pin;

    public bool Read()
    {
        var value = Native.gpiod_line_get_value(line);
        chip.Check(value, pin, "read");
        return value == 1;
    }

    public GpioEdge? WaitForEdge(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!cancellationToken.IsCancellationRequested)
        {
            var left = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            var slice = left < s_slice ? left : s_slice;
            var wait = new Native.timespec { tv_sec = (nint)(long)slice.TotalSeconds, tv_nsec = (nint)(slice.Ticks % TimeSpan.TicksPerSecond * 100) };
            var result = Native.gpiod_line_event_wait(line, in wait);
            if (result < 0 && Marshal.GetLastPInvokeError() == EINTR)
            {
                continue;
            }

            chip.Check(result, pin, "wait for an edge on");
            if (result == 1)
            {
                chip.Check(Native.gpiod_line_event_read(line, out var ev), pin, "read an edge from");
                var stamp = TimeSpan.FromSeconds(ev.ts.tv_sec) + TimeSpan.FromTicks(ev.ts.tv_nsec / 100);
                return new GpioEdge(pin, ev.event_type == Native.GPIOD_LINE_EVENT_RISING_EDGE, stamp);
            }

            if (left <= TimeSpan.Zero)
            {
                return null;
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Native.gpiod_line_release(line);
            chip.Forget(this);
        }
    }
}
