using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DockGateway.Shared.Crypto;

/// <summary>
/// Ed25519 key files: one line holding the base64 of the 32-byte seed, mode 0600, never
/// readable or writable by group or others. Keys are never overwritten.
/// </summary>
public static class KeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // base64 of 32 bytes is 44 characters; allow a trailing "\n" and nothing else.
    private const int EncodedSeedLength = 44;

    /// <summary>
    /// Writes <paramref name="key"/> to <paramref name="path"/>: a temporary file created 0600 next
    /// to it, flushed to disk, then linked into place only if <paramref name="path"/> does not exist.
    /// </summary>
    public static void Write(string path, Ed25519PrivateKey key)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("key files rely on Unix file modes (0600)");
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            throw new KeyFileException(fullPath, "already exists; refusing to overwrite a key");
        }

        var directory = System.IO.Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new KeyFileException(fullPath, $"directory {directory} does not exist");
        }

        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var line = new byte[EncodedSeedLength + 1];
        Span<byte> seed = stackalloc byte[Ed25519PrivateKey.SeedSize];
        try
        {
            key.CopySeedTo(seed);
            Base64.EncodeToUtf8(seed, line, out _, out var written);
            line[written] = (byte)'\n';
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnly,
            };
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(line);
                stream.Flush(flushToDisk: true);
            }

            // Not overwriting: .NET links the new name and unlinks the old, failing if path exists.
            File.Move(temporary, fullPath, overwrite: false);
        }
        catch (IOException e) when (File.Exists(fullPath))
        {
            throw new KeyFileException(fullPath, "already exists; refusing to overwrite a key", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(fullPath, $"could not be written: {e.Message}", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(line);
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a key file, refusing one that group or others may read or write.</summary>
    public static Ed25519PrivateKey Read(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("key files rely on Unix file modes (0600)");
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new KeyFileException(fullPath, "does not exist");
        }

        var mode = File.GetUnixFileMode(fullPath);
        if ((mode & GroupOrOthers) != 0)
        {
            throw new KeyFileException(
                fullPath,
                $"mode {Convert.ToString((int)mode, 8)} lets group or others access it; it must be 0600 (chmod 600 {fullPath})");
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(fullPath, $"could not be read: {e.Message}", e);
        }

        var handle = GCHandle.Alloc(content, GCHandleType.Pinned);
        Span<byte> seed = stackalloc byte[Ed25519PrivateKey.SeedSize];
        try
        {
            return Ed25519PrivateKey.FromSeed(DecodeSeed(fullPath, content, seed));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(content);
            handle.Free();
        }
    }

    /// <summary>Reads the key at <paramref name="path"/>, or creates a new one there if there is none.</summary>
    public static Ed25519PrivateKey LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        var key = Ed25519PrivateKey.Generate();
        try
        {
            Write(path, key);
            return key;
        }
        catch (KeyFileException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            key.Dispose();
            return Read(path);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static ReadOnlySpan<byte> DecodeSeed(string path, ReadOnlySpan<byte> content, Span<byte> seed)
    {
        var text = content;
        if (text.EndsWith("\n"u8))
        {
            text = text[..^1];
        }

        if (text.Length == 0)
        {
            throw new KeyFileException(path, "is empty; expected one line with the base64 of a 32-byte Ed25519 seed");
        }

        if (text.Length != EncodedSeedLength || text.IndexOfAny("\r\n \t"u8) >= 0)
        {
            throw new KeyFileException(
                path,
                $"expected exactly one line of {EncodedSeedLength} base64 characters (a 32-byte Ed25519 seed), found {content.Length} bytes");
        }

        var status = Base64.DecodeFromUtf8(text, seed, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done || written != Ed25519PrivateKey.SeedSize)
        {
            throw new KeyFileException(path, "is not valid base64 of a 32-byte Ed25519 seed");
        }

        return seed;
    }
}
