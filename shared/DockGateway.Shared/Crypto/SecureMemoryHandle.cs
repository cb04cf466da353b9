using System.Runtime.InteropServices;
using SodiumNative = DockGateway.Shared.Interop.Interop.Sodium;

namespace DockGateway.Shared.Crypto;

/// <summary>
/// Owns a block allocated with <c>sodium_malloc</c> (guard pages, locked, never swapped) holding
/// secret key material; it is zeroed and freed with <c>sodium_free</c> on release.
/// </summary>
internal sealed class SecureMemoryHandle : SafeHandle
{
    public SecureMemoryHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    public int Length { get; private set; }

    public static SecureMemoryHandle Allocate(int length)
    {
        SodiumLibrary.EnsureInitialized();
        var memory = SodiumNative.sodium_malloc((nuint)length);
        if (memory.IsInvalid)
        {
            memory.Dispose();
            throw new InvalidOperationException($"sodium_malloc could not allocate {length} bytes of secure memory");
        }

        memory.Length = length;
        return memory;
    }

    /// <summary>Copies the secret bytes out; the caller must wipe <paramref name="destination"/>.</summary>
    public unsafe void CopyTo(Span<byte> destination, int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + count, Length);
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            new ReadOnlySpan<byte>((byte*)handle + offset, count).CopyTo(destination);
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        // sodium_free zeroes the block before freeing it.
        SodiumNative.sodium_free(handle);
        return true;
    }
}
