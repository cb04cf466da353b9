using System.Runtime.InteropServices;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// Which libgpiod System.Device.Gpio can load here. The package binds libgpiod at run time by soname
/// and does not ship it: the Debian package is a runtime dependency of the dock.
/// </summary>
public static class LibgpiodLibrary
{
    public const string V1Soname = "libgpiod.so.2";
    public const string V1Package = "libgpiod2";
    public const string V2Soname = "libgpiod.so.3";
    public const string V2Package = "libgpiod3";

    /// <summary>Whether the library with this soname loads.</summary>
    public static bool IsInstalled(string soname)
    {
        if (!NativeLibrary.TryLoad(soname, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>
    /// The driver to use for <paramref name="configured"/>: Auto picks libgpiod 2.x when present (its
    /// driver keeps the pull-up bias when edge detection is added), else 1.x. A missing library is a
    /// <see cref="GpioException"/> naming the key and the package to install.
    /// </summary>
    public static GpioDriverKind Resolve(GpioDriverKind configured) => configured switch
    {
        GpioDriverKind.Libgpiod => Require(GpioDriverKind.Libgpiod, V1Soname, V1Package),
        GpioDriverKind.LibgpiodV2 => Require(GpioDriverKind.LibgpiodV2, V2Soname, V2Package),
        _ when IsInstalled(V2Soname) => GpioDriverKind.LibgpiodV2,
        _ when IsInstalled(V1Soname) => GpioDriverKind.Libgpiod,
        _ => throw new GpioException(
            $"Neither {V2Soname} nor {V1Soname} can be loaded (Dock:Hardware:GpioDriver is Auto): "
            + $"install the Debian package {V2Package} (Debian 13) or {V1Package} (Debian 12)."),
    };

    private static GpioDriverKind Require(GpioDriverKind kind, string soname, string package) => IsInstalled(soname)
        ? kind
        : throw new GpioException($"Dock:Hardware:GpioDriver is {kind} but {soname} cannot be loaded: install the Debian package {package}.");
}
