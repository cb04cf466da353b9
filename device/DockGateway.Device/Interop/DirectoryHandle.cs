using System.Runtime.InteropServices;

namespace DockGateway.Device.Interop;

/// <summary>A <c>DIR*</c> from fdopendir, which owns its descriptor <see cref="Fd"/>; closed with closedir.</summary>
internal sealed class DirectoryHandle : SafeHandle
{
    public DirectoryHandle(nint dir, int fd)
        : base(nint.Zero, ownsHandle: true)
    {
        SetHandle(dir);
        Fd = fd;
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>The directory's descriptor (valid while the handle is open), to anchor openat and statx calls.</summary>
    public int Fd { get; }

    protected override bool ReleaseHandle() => Interop.Libc.closedir(handle) == 0;
}
