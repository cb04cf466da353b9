namespace DockGateway.Device.Interop;

/// <summary>The native libraries the dock binds by hand, by their exact sonames (short names need the -dev packages).</summary>
internal static partial class Interop
{
    internal static class Libraries
    {
        /// <summary>glibc (Debian package libc6).</summary>
        internal const string Libc = "libc.so.6";

        /// <summary>libusb-1.0 (Debian package libusb-1.0-0).</summary>
        internal const string Libusb = "libusb-1.0.so.0";
    }
}
