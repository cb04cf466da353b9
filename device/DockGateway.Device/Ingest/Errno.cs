using System.Runtime.InteropServices;

namespace DockGateway.Device.Ingest;

/// <summary>Turns a failed libc call (its errno) into an exception that says what failed and on which path.</summary>
internal static class Errno
{
    /// <summary>An <see cref="IOException"/> carrying errno's text and number (as its HResult) and the path it concerned.</summary>
    internal static IOException Failure(string what, string path) => Failure(what, path, Marshal.GetLastPInvokeError());

    /// <summary>The same for an <paramref name="errno"/> read by the caller (a call not made through our own bindings).</summary>
    internal static IOException Failure(string what, string path, int errno) =>
        new IOException($"{what} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
}
