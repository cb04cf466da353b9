namespace DockGateway.Shared.Interop;

/// <summary>The native libraries bound by hand here, by their exact sonames (short names need the -dev packages).</summary>
internal static partial class Interop
{
    internal static class Libraries
    {
        /// <summary>glibc (Debian package libc6).</summary>
        internal const string Libc = "libc.so.6";
    }
}
