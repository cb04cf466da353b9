using System.Text;

namespace DockGateway.Device.Ingest;

/// <summary>C strings for the libc calls that take <c>const char*</c> names as raw bytes.</summary>
internal static class NulTerminated
{
    /// <summary><paramref name="path"/> as UTF-8 with a closing NUL.</summary>
    internal static byte[] Of(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    /// <summary>A name exactly as the volume holds it (any bytes but NUL) with a closing NUL.</summary>
    internal static byte[] Of(ReadOnlySpan<byte> name)
    {
        var bytes = new byte[name.Length + 1];
        name.CopyTo(bytes);
        return bytes;
    }
}
