using System.Security.Cryptography;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// Step 3 pipelined within a file: the read-back of ranges already written runs while the same file is
/// still being copied, covers the whole file exactly once, and the entry is committed only after it.
/// </summary>
public sealed class PipelinedVerificationTests
{
    private const int Range = 64 * 1024;

    [Fact]
    public async Task A_file_is_re_read_from_the_disk_while_it_is_still_being_copied()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "65536", ["Dock:VerifyRangeBytes"] = Range.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var volume = dock.NewVolume("rec");
        var size = (16 * Range) + 1234; // a tail shorter than a range
        var content = RandomNumberGenerator.GetBytes(size);
        File.WriteAllBytes(Path.Combine(volume, "CLIP0001.MP4"), content);

        var ranges = new List<(long Offset, long Count)>();
        using var verifying = new ManualResetEventSlim();
        bool? reReadBeforeHalfCopied = null;
        dock.Hooks.AfterChunk = (_, offset) =>
        {
            if (offset >= 8 * Range && reReadBeforeHalfCopied is null)
            {
                // Half-way through, the copy waits for the read-back: without pipelining it would wait in vain.
                reReadBeforeHalfCopied = verifying.Wait(TimeSpan.FromSeconds(30));
            }
        };
        dock.Hooks.BeforeVerifyRange = (_, offset, count) =>
        {
            lock (ranges)
            {
                ranges.Add((offset, count));
            }

            verifying.Set();
        };
        var committedAfter = 0;
        dock.Hooks.BeforeCommit = _ =>
        {
            lock (ranges)
            {
                committedAfter = ranges.Count;
            }
        };

        var status = await dock.IngestAsync(volume);

        Assert.Equal((SlotState.Done, 1), (status.State, status.Done));
        Assert.True(reReadBeforeHalfCopied, "no range was re-read while the copy was only half-way");
        var expected = 0L;
        foreach (var (offset, count) in ranges)
        {
            Assert.Equal(expected, offset);
            expected += count;
        }

        Assert.Equal(size, expected);
        Assert.Equal(ranges.Count, committedAfter);
        var ingested = Assert.Single(dock.EntriesOf("ingested"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), (string)ingested["sha256"]!);
    }
}
