using System.Security.Cryptography;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// A medium that acknowledged a write it did not keep (a fake-capacity card, a failing disk), made
/// real: the dock's data directory is an ext4 image on a loop device, and once a range of the copy is
/// written back (the pipelined read-back is about to re-read it) its bytes are changed in the image
/// itself, behind the page cache that still holds what was written.
/// </summary>
public sealed class VerifyFromDiskTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [RequiresFact(Needs.Root, Needs.LoopExt4)]
    public async Task A_copy_the_disk_did_not_keep_fails_verification_and_the_recorder_keeps_the_file()
    {
        var (status, dock) = await IngestWithLossOnDiskAsync(verifyFromDisk: true);
        using (dock)
        {
            Assert.Equal((SlotState.Error, 0), (status.State, status.Done));
            Assert.Empty(dock.EntriesOf("ingested"));
            Assert.Equal("verification-failed", (string)Assert.Single(dock.EntriesOf("error"))["reason"]!);
            Assert.Single(Directory.GetFiles(_scratch.Combine("recorder")));
        }
    }

    [RequiresFact(Needs.Root, Needs.LoopExt4)]
    public async Task Re_reading_memory_instead_of_the_disk_misses_the_same_loss()
    {
        // The control: what Dock:VerifyFromDisk=false checks is the page cache, which still holds the good bytes.
        var (status, dock) = await IngestWithLossOnDiskAsync(verifyFromDisk: false);
        using (dock)
        {
            Assert.Equal(SlotState.Done, status.State);
            Assert.Single(dock.EntriesOf("ingested"));
        }
    }

    [RequiresFact(Needs.Root, Needs.LoopExt4)]
    public async Task A_large_copy_changed_on_the_disk_in_its_middle_fails_verification_and_the_recorder_keeps_it()
    {
        const int Size = 96 << 20;
        var (status, dock) = await IngestWithLossOnDiskAsync(verifyFromDisk: true, fileBytes: Size, imageBytes: 192 << 20, lossAt: Size / 2);
        using (dock)
        {
            Assert.Equal((SlotState.Error, 0), (status.State, status.Done));
            Assert.Empty(dock.EntriesOf("ingested"));
            Assert.Equal("verification-failed", (string)Assert.Single(dock.EntriesOf("error"))["reason"]!);
            Assert.Equal(Size, new FileInfo(Assert.Single(Directory.GetFiles(_scratch.Combine("recorder")))).Length);
        }
    }

    [RequiresFact(Needs.Root, Needs.LoopExt4)]
    public async Task The_same_large_copy_left_intact_is_ingested()
    {
        // The control for the test above: same size, same pipelined read-back from the disk, nothing changed.
        var (status, dock) = await IngestWithLossOnDiskAsync(verifyFromDisk: true, fileBytes: 96 << 20, imageBytes: 192 << 20, lossAt: null);
        using (dock)
        {
            Assert.Equal((SlotState.Done, 1), (status.State, status.Done));
            Assert.Single(dock.EntriesOf("ingested"));
        }
    }

    private async Task<(SlotStatus Status, TestDock Dock)> IngestWithLossOnDiskAsync(bool verifyFromDisk, int fileBytes = 1 << 20, int imageBytes = 32 << 20, long? lossAt = 10)
    {
        var image = _scratch.Combine("data.ext4");
        var mount = _scratch.Combine("data");
        Directory.CreateDirectory(mount);
        using (var file = File.Create(image))
        {
            file.SetLength(imageBytes);
        }

        Tool.Run("mkfs.ext4", "-q", "-F", image);
        Tool.Run("mount", "-o", "loop", image, mount);
        var dock = new TestDock(new()
        {
            ["Dock:DataDirectory"] = Path.Combine(mount, "dock"),
            ["Dock:VerifyFromDisk"] = verifyFromDisk ? "true" : "false",
        });
        var recorder = _scratch.Combine("recorder");
        Directory.CreateDirectory(recorder);
        await File.WriteAllBytesAsync(Path.Combine(recorder, "CLIP0001.MP4"), RandomNumberGenerator.GetBytes(fileBytes));
        var lost = false;
        dock.Hooks.BeforeVerifyRange = (stored, offset, count) =>
        {
            if (lossAt is { } at && !lost && offset <= at && at < offset + count)
            {
                Assert.True(offset > 0 || fileBytes <= 8 << 20, "a large file's middle is re-read in a range of its own");
                LoseOnDisk(image, stored, at);
                lost = true;
            }
        };

        var status = await dock.IngestAsync(recorder);
        Assert.Equal(lossAt is not null, lost);
        return (status, dock);
    }

    /// <summary>
    /// Flips one byte of the copy where the disk holds it: in the image file, not through the mounted file
    /// (whose page cache keeps the good byte). The 64 bytes from <paramref name="at"/> are looked up in the image.
    /// </summary>
    private static void LoseOnDisk(string image, string stored, long at)
    {
        var needle = new byte[64];
        using (var copy = File.OpenRead(stored))
        {
            copy.Position = at;
            copy.ReadExactly(needle);
        }

        var found = -1L;
        var chunk = new byte[(8 << 20) + needle.Length];
        using (var disk = File.OpenRead(image))
        {
            for (long position = 0; found < 0 && position < disk.Length; position += chunk.Length - needle.Length)
            {
                disk.Position = position;
                var read = disk.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false);
                var index = chunk.AsSpan(0, read).IndexOf(needle);
                found = index >= 0 ? position + index : -1;
            }
        }

        Assert.True(found >= 0, "the written-back range should be in the image");
        using var writer = new FileStream(image, FileMode.Open, FileAccess.Write);
        writer.Position = found;
        writer.WriteByte((byte)(needle[0] ^ 0xFF));
        writer.Flush(flushToDisk: true);
    }
}
