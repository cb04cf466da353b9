using System.Security.Cryptography;
using DockGateway.Device.Ingest;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// The copy's writes: whole pages with O_DIRECT (checked in the kernel's own view of the open file,
/// /proc/self/fdinfo), the unaligned tail through the page cache, and every byte through the page cache
/// where the file system refuses O_DIRECT (ramfs); the bytes on the disk are the bytes copied, every time.
/// </summary>
public sealed class CopyWriterTests : IDisposable
{
    private const int Chunk = 64 * 1024;
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Whole_pages_bypass_the_page_cache_and_the_unaligned_tail_does_not()
    {
        // /tmp here is ext4, which takes O_DIRECT.
        var content = RandomNumberGenerator.GetBytes((3 * Chunk) + 4096 + 1234); // three whole chunks, then a last chunk of one page and a tail
        var path = _scratch.Combine("copy");
        using var file = Create(path, content.Length);
        var writer = CopyWriter.For(file, direct: true);
        Assert.True(writer.Direct, "ext4 should take O_DIRECT");

        var flagsDuringWholeChunks = new List<bool>();
        WriteInChunks(writer, content, afterChunk: () => flagsDuringWholeChunks.Add(HasODirect(file)));

        Assert.Equal([true, true, true, false], flagsDuringWholeChunks); // the last chunk ended with the tail: O_DIRECT turned off
        Assert.False(writer.Direct);
        file.Dispose();
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void Without_direct_every_byte_goes_through_the_page_cache()
    {
        var content = RandomNumberGenerator.GetBytes((2 * Chunk) + 77);
        var path = _scratch.Combine("copy");
        using var file = Create(path, content.Length);
        var writer = CopyWriter.For(file, direct: false);

        var flags = new List<bool>();
        WriteInChunks(writer, content, afterChunk: () => flags.Add(HasODirect(file)));

        Assert.Equal([false, false, false], flags);
        file.Dispose();
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [RequiresFact(Needs.Root)]
    public void A_file_system_that_refuses_O_DIRECT_gets_every_byte_through_the_page_cache()
    {
        var mount = _scratch.Combine("ramfs");
        Directory.CreateDirectory(mount);
        Tool.Run("mount", "-t", "ramfs", "ramfs", mount); // ramfs has no direct I/O at all
        var content = RandomNumberGenerator.GetBytes((2 * Chunk) + 4096);
        var path = Path.Combine(mount, "copy");
        using var file = Create(path, content.Length);
        var writer = CopyWriter.For(file, direct: true);

        Assert.False(writer.Direct);
        WriteInChunks(writer, content, afterChunk: () => Assert.False(HasODirect(file)));
        file.Dispose();
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    private static SafeFileHandle Create(string path, long size) =>
        File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, FileOptions.None, size);

    private static void WriteInChunks(CopyWriter writer, byte[] content, Action afterChunk)
    {
        using var buffer = new AlignedBuffer(Chunk);
        for (var offset = 0; offset < content.Length; offset += Chunk)
        {
            var count = Math.Min(Chunk, content.Length - offset);
            content.AsSpan(offset, count).CopyTo(buffer.Span(count));
            writer.Write(buffer, count, offset);
            afterChunk();
        }
    }

    /// <summary>Whether the open file has O_DIRECT, as the kernel reports it (the octal "flags:" of /proc/self/fdinfo).</summary>
    private static bool HasODirect(SafeFileHandle file)
    {
        var flags = File.ReadLines($"/proc/self/fdinfo/{file.DangerousGetHandle()}").First(l => l.StartsWith("flags:", StringComparison.Ordinal));
        var value = Convert.ToInt32(flags["flags:".Length..].Trim(), 8);
        var oDirect = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture is System.Runtime.InteropServices.Architecture.Arm64 or System.Runtime.InteropServices.Architecture.Arm ? 0x10000 : 0x4000;
        return (value & oDirect) != 0;
    }
}
