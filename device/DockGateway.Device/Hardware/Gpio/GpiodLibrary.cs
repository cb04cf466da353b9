using System.Runtime.InteropServices;
using Native = DockGateway.Device.Interop.Interop.Gpiod;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// Loads and checks libgpiod once: the v1 API (libgpiod.so.2, libgpiod 1.x) is supported;
/// a machine with only libgpiod 2.x (libgpiod.so.3, a different API) gets a clear message.
/// </summary>
public static class GpiodLibrary
{
    private static readonly Lazy<string> s_version = new(Load);

    /// <summary>The loaded library's version string (e.g. 1.6.3); throws <see cref="GpioException"/> if unusable.</summary>
    public static string Version => s_version.Value;

    private static unsafe string Load()
    {
        if (!NativeLibrary.TryLoad(Native.Library, out var handle))
        {
            if (NativeLibrary.TryLoad(Native.V2Library, out var v2))
            {
                NativeLibrary.Free(v2);
                throw new GpioException(
                    $"Only libgpiod 2.x ({Native.V2Library}) is installed: libgpiod 2.x is not supported yet; "
                    + $"install {Native.DebianPackage} (libgpiod 1.6, {Native.Library}).");
            }

            throw new GpioException(
                $"{Native.Library} could not be loaded: install the Debian package {Native.DebianPackage} (libgpiod 1.6).");
        }

        NativeLibrary.Free(handle);
        var version = Marshal.PtrToStringUTF8((nint)Native.gpiod_version_string()) ?? "unknown";
        if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new GpioException($"{Native.Library} reports version {version}; only libgpiod 1.x is supported.");
        }

        return version;
    }
}
