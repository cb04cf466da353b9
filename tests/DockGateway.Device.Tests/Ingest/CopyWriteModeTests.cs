using System.Globalization;
using System.Security.Cryptography;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using DockGateway.Shared.Storage;
using Tmds.Linux;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// How a copy writes depends on whether it copies alone (issue 14): alone, through the page cache with its
/// writeback started every 4 MiB, so the kernel writes while the copy hashes the next chunk; beside another
/// slot's copy, with <c>O_DIRECT</c> and buffers half the size. Seen from the kernel's side: the open flags of the
/// temporary copy's descriptor in <c>/proc/self/fdinfo</c>, read while each copy runs; the buffer's size from where
/// each copy's first chunk ends.
/// </summary>
public sealed class CopyWriteModeTests
{
    [Fact]
    public async Task A_copy_alone_writes_through_the_page_cache_and_one_beside_it_bypasses_it_with_half_the_buffer()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "65536" });
        Assert.True(AcceptsDirect(dock.Store.IncomingDirectory), $"{dock.Store.IncomingDirectory} refuses O_DIRECT (tmpfs?): run the tests on a disk-backed file system");

        var first = dock.NewVolume("rec1");
        var second = dock.NewVolume("rec2");
        File.WriteAllBytes(Path.Combine(first, "CLIP0001.MP4"), RandomNumberGenerator.GetBytes(4 * 65536));
        File.WriteAllBytes(Path.Combine(second, "CLIP0002.MP4"), RandomNumberGenerator.GetBytes(4 * 65536));

        using var secondDone = new ManualResetEventSlim();
        using var firstStarted = new ManualResetEventSlim();
        var direct = new Dictionary<string, bool>();
        var firstChunk = new Dictionary<string, long>();
        string? firstTemporary = null;
        dock.Hooks.AfterChunk = (path, offset) =>
        {
            lock (firstChunk)
            {
                firstChunk.TryAdd(path.FileName, offset);
            }

            if (offset != 65536)
            {
                return;
            }

            lock (direct)
            {
                // The first copy's temporary file is the only one then; the second's is the other one.
                var (temporary, isDirect) = TemporaryCopy(dock.Store.IncomingDirectory, except: firstTemporary);
                firstTemporary ??= temporary;
                direct[path.FileName] = isDirect;
            }

            if (path.FileName == "CLIP0001.MP4")
            {
                firstStarted.Set();
                Assert.True(secondDone.Wait(TimeSpan.FromSeconds(30)), "the second slot's copy did not finish while the first was copying");
            }
        };
        dock.Hooks.BeforeCommit = path =>
        {
            if (path.FileName == "CLIP0002.MP4")
            {
                secondDone.Set();
            }
        };

        var firstIngest = Task.Run(() => dock.IngestAsync(first, serial: "BC-1001", slot: 1));
        Assert.True(firstStarted.Wait(TimeSpan.FromSeconds(30)));
        var secondStatus = await dock.IngestAsync(second, serial: "BC-1002", slot: 2);
        var firstStatus = await firstIngest;

        Assert.Equal((SlotState.Done, SlotState.Done), (firstStatus.State, secondStatus.State));
        Assert.False(direct["CLIP0001.MP4"], "the copy alone bypassed the page cache");
        Assert.True(direct["CLIP0002.MP4"], "the copy beside another went through the page cache");
        Assert.Equal(65536, firstChunk["CLIP0001.MP4"]); // Dock:CopyBufferBytes
        Assert.Equal(32768, firstChunk["CLIP0002.MP4"]);
        Assert.Equal(2, dock.EntriesOf("ingested").Count);
    }

    /// <summary>The temporary copy in <paramref name="incoming"/> open for writing (other than <paramref name="except"/>) and whether its descriptor has O_DIRECT on.</summary>
    private static (string Path, bool Direct) TemporaryCopy(string incoming, string? except)
    {
        var writing = Directory.GetFiles("/proc/self/fd")
            .Select(fd => (Fd: int.Parse(Path.GetFileName(fd), CultureInfo.InvariantCulture), Target: Target(fd)))
            .Where(f => f.Target is not null && f.Target.StartsWith(incoming, StringComparison.Ordinal) && f.Target != except)
            .Single(f => (Flags(f.Fd) & 3) != 0); // opened for writing (the read-back's descriptors are read-only)
        return (writing.Target!, (Flags(writing.Fd) & LibC.O_DIRECT) != 0); // its value differs between x86-64 and ARM
    }

    private static string? Target(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed meanwhile
        }
    }

    private static int Flags(int fd)
    {
        try
        {
            var line = File.ReadLines($"/proc/self/fdinfo/{fd}").First(l => l.StartsWith("flags:", StringComparison.Ordinal));
            return Convert.ToInt32(line["flags:".Length..].Trim(), 8);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool AcceptsDirect(string directory)
    {
        var probe = Path.Combine(directory, "direct-probe");
        try
        {
            using var file = File.OpenHandle(probe, FileMode.Create, FileAccess.Write);
            return DirectIo.TrySet(file, true);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
