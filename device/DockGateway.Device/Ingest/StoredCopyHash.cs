using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Re-reads a stored, fsync'd copy and returns its SHA-256 (lowercase hex): step 3 of the custody
/// invariant. With <c>fromDisk</c> the file's pages are first dropped from the page cache, so the check
/// reads what is on the medium (a card that acknowledged writes it did not keep fails it), not the
/// memory the copy was written from. Two buffers of at most 256 KiB (the kernel's read-ahead does the
/// rest): the next chunk is read while this one is hashed.
/// </summary>
public static class StoredCopyHash
{
    private const int MaxBufferBytes = 256 * 1024;

    public static async Task<string> ComputeAsync(string path, int bufferSize, bool fromDisk, CancellationToken cancellationToken)
    {
        bufferSize = Math.Min(bufferSize, MaxBufferBytes);
        var buffers = new[] { CopyBuffers.Pool.Rent(bufferSize), CopyBuffers.Pool.Rent(bufferSize) };
        Task<int>? pending = null;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            if (fromDisk && OperatingSystem.IsLinux())
            {
                ReadFromDisk(file);
            }

            long offset = 0;
            var current = 0;
            pending = Read(file, buffers[current], offset, cancellationToken);
            while (true)
            {
                var read = await pending;
                pending = null;
                if (read == 0)
                {
                    return Convert.ToHexStringLower(hash.GetHashAndReset());
                }

                offset += read;
                pending = Read(file, buffers[1 - current], offset, cancellationToken);
                hash.AppendData(buffers[current], 0, read);
                current = 1 - current;
            }
        }
        finally
        {
            try
            {
                if (pending is not null)
                {
                    await pending;
                }
            }
            catch (Exception)
            {
                // The hash already failed for another reason; this read's outcome no longer matters.
            }

            CopyBuffers.Pool.Return(buffers[0]);
            CopyBuffers.Pool.Return(buffers[1]);
        }
    }

    private static Task<int> Read(Microsoft.Win32.SafeHandles.SafeFileHandle file, byte[] buffer, long offset, CancellationToken cancellationToken) =>
        Task.Run(() => RandomAccess.Read(file, buffer, offset), cancellationToken);

    /// <summary>
    /// Drops a synced file's pages from the page cache (<c>POSIX_FADV_DONTNEED</c>), so the next read
    /// comes from the disk itself, not from memory. A hint: on tmpfs it changes nothing.
    /// </summary>
    private static void ReadFromDisk(SafeFileHandle file)
    {
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = Libc.posix_fadvise((int)file.DangerousGetHandle(), 0, 0, Libc.POSIX_FADV_DONTNEED);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }
}
