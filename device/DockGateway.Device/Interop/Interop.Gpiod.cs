using System.Runtime.InteropServices;
using DockGateway.Device.Hardware.Gpio;

namespace DockGateway.Device.Interop;

/// <summary>
/// libgpiod 1.x (Debian package libgpiod2, soname libgpiod.so.2). Lines are owned by their chip:
/// only the chip is a <see cref="SafeHandle"/>; lines are released through gpiod_line_release.
/// </summary>
internal static partial class Interop
{
    internal static partial class Gpiod
    {
        internal const string Library = "libgpiod.so.2";
        internal const string V2Library = "libgpiod.so.3";
        internal const string DebianPackage = "libgpiod2";

        internal const int GPIOD_LINE_REQUEST_FLAG_OPEN_DRAIN = 1 << 0;
        internal const int GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW = 1 << 2;
        internal const int GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE = 1 << 3;
        internal const int GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN = 1 << 4;
        internal const int GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP = 1 << 5;

        internal const int GPIOD_LINE_EVENT_RISING_EDGE = 1;
        internal const int GPIOD_LINE_EVENT_FALLING_EDGE = 2;

#pragma warning disable CS8981 // C struct names verbatim (STYLE.md: interop keeps the C names)
        [StructLayout(LayoutKind.Sequential)]
        internal struct timespec
        {
            public nint tv_sec;
            public nint tv_nsec;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct gpiod_line_event
        {
            public timespec ts;
            public int event_type;
        }
#pragma warning restore CS8981

        [LibraryImport(Library)]
        internal static unsafe partial byte* gpiod_version_string();

        [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial GpioChipHandle gpiod_chip_open_by_name(string name);

        [LibraryImport(Library)]
        internal static partial void gpiod_chip_close(nint chip);

        [LibraryImport(Library, SetLastError = true)]
        internal static partial nint gpiod_chip_get_line(GpioChipHandle chip, uint offset);

        [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int gpiod_line_request_input_flags(nint line, string consumer, int flags);

        [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int gpiod_line_request_output(nint line, string consumer, int default_val);

        [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int gpiod_line_request_both_edges_events_flags(nint line, string consumer, int flags);

        [LibraryImport(Library, SetLastError = true)]
        internal static partial int gpiod_line_event_wait(nint line, in timespec timeout);

        [LibraryImport(Library, SetLastError = true)]
        internal static partial int gpiod_line_event_read(nint line, out gpiod_line_event @event);

        [LibraryImport(Library, SetLastError = true)]
        internal static partial int gpiod_line_get_value(nint line);

        [LibraryImport(Library, SetLastError = true)]
        internal static partial int gpiod_line_set_value(nint line, int value);

        [LibraryImport(Library)]
        internal static partial void gpiod_line_release(nint line);
    }
}
