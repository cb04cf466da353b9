using System.Security.Cryptography;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// A medium that acknowledged a write it did not keep (a fake-capacity card, a failing disk), made
/// real: the dock's data directory is an ext4 image on a loop device, and once the copy is fsync'd its
/// bytes are changed in the image itself, behind the page cache that still holds what was written.
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

    private async Task<(SlotStatus Status, TestDock Dock)> IngestWithLossOnDiskAsync(bool verifyFromDisk)
    {
        var image = _scratch.Combine("data.ext4");
        var mount = _scratch.Combine("data");
        Directory.CreateDirectory(mount);
        using (var file = File.Create(image))
        {
            file.SetLength(32 << 20);
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
        await File.WriteAllBytesAsync(Path.Combine(recorder, "CLIP0001.MP4"), RandomNumberGenerator.GetBytes(1 << 20));
        dock.Hooks.BeforeVerify = stored => LoseOnDisk(image, stored);

        return (await dock.IngestAsync(recorder), dock);
    }

    /// <summary>Flips one byte of the stored copy where the disk holds it: in the image file, not through the mounted file.</summary>
    private static void LoseOnDisk(string image, string stored)
    {
        var head = new byte[64];
        using (var copy = File.OpenRead(stored))
        {
            copy.ReadExactly(head);
        }

        var bytes = File.ReadAllBytes(image);
        var at = bytes.AsSpan().IndexOf(head);
        Assert.True(at >= 0, "the fsync'd copy should be in the image");
        using var disk = new FileStream(image, FileMode.Open, FileAccess.Write);
        disk.Position = at + 10;
        disk.WriteByte((byte)(head[10] ^ 0xFF));
        disk.Flush(flushToDisk: true);
    }
}
