using System.Security.Cryptography;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// The copy loop runs on threads of its own (issue 14): every chunk of a file is read and hashed on one thread
/// that is not a thread-pool thread, with no hand-off to the pool per chunk, and written on another, so the
/// next chunk is read while the one before it is being written — when the file is the only one being copied.
/// A copy that starts while another slot copies does both in turn on one thread: the slots already overlap.
/// </summary>
public sealed class CopyThreadTests
{
    [Fact]
    public async Task Every_chunk_of_a_file_is_copied_on_one_thread_outside_the_thread_pool()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "65536" });
        var volume = dock.NewVolume("rec");
        File.WriteAllBytes(Path.Combine(volume, "CLIP0001.MP4"), RandomNumberGenerator.GetBytes((12 * 65536) + 99));
        File.WriteAllBytes(Path.Combine(volume, "CLIP0002.MP4"), RandomNumberGenerator.GetBytes(5 * 65536));

        var chunks = new List<(string File, int Thread, bool Pool)>();
        dock.Hooks.AfterChunk = (path, _) =>
        {
            lock (chunks)
            {
                chunks.Add((path.FileName, Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            }
        };

        var status = await dock.IngestAsync(volume);

        Assert.Equal((SlotState.Done, 2), (status.State, status.Done));
        Assert.Equal(13 + 5, chunks.Count); // 12 whole chunks and a tail; 5 whole chunks (the read that finds the end copies nothing)
        Assert.DoesNotContain(chunks, c => c.Pool);
        Assert.All(chunks.GroupBy(c => c.File), file => Assert.Single(file.Select(c => c.Thread).Distinct()));
    }

    [Fact]
    public async Task The_next_chunk_is_read_and_hashed_while_the_one_before_it_is_being_written()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "65536" });
        var volume = dock.NewVolume("rec");
        var content = RandomNumberGenerator.GetBytes((8 * 65536) + 7);
        File.WriteAllBytes(Path.Combine(volume, "CLIP0001.MP4"), content);

        using var secondChunkRead = new ManualResetEventSlim();
        bool? readWhileFirstWritePending = null;
        int? readerThread = null;
        int? writerThread = null;
        dock.Hooks.AfterChunk = (_, offset) =>
        {
            readerThread ??= Environment.CurrentManagedThreadId;
            if (offset >= 2 * 65536)
            {
                secondChunkRead.Set();
            }
        };
        dock.Hooks.BeforeChunkWrite = (_, offset) =>
        {
            writerThread ??= Environment.CurrentManagedThreadId;
            if (offset == 0)
            {
                // The first chunk's write waits for the second chunk to be read: a copy that reads, hashes and writes in turn would wait in vain.
                readWhileFirstWritePending = secondChunkRead.Wait(TimeSpan.FromSeconds(10));
            }
        };

        var status = await dock.IngestAsync(volume);

        Assert.Equal((SlotState.Done, 1), (status.State, status.Done));
        Assert.True(readWhileFirstWritePending, "the second chunk was not read while the first was waiting to be written");
        Assert.NotEqual(readerThread, writerThread);
        var ingested = Assert.Single(dock.EntriesOf("ingested"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), (string)ingested["sha256"]!);
    }

    [Fact]
    public async Task A_copy_that_starts_while_another_slot_copies_writes_on_its_reading_thread()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "65536" });
        var first = dock.NewVolume("rec1");
        var second = dock.NewVolume("rec2");
        var firstContent = RandomNumberGenerator.GetBytes(4 * 65536);
        var secondContent = RandomNumberGenerator.GetBytes((4 * 65536) + 5);
        File.WriteAllBytes(Path.Combine(first, "CLIP0001.MP4"), firstContent);
        File.WriteAllBytes(Path.Combine(second, "CLIP0002.MP4"), secondContent);

        using var secondDone = new ManualResetEventSlim();
        var threads = new List<(string File, string Step, int Thread)>();
        dock.Hooks.AfterChunk = (path, offset) =>
        {
            lock (threads)
            {
                threads.Add((path.FileName, "read", Environment.CurrentManagedThreadId));
            }

            if (path.FileName == "CLIP0001.MP4" && offset == 65536)
            {
                Assert.True(secondDone.Wait(TimeSpan.FromSeconds(30)), "the second slot's copy did not finish while the first was copying");
            }
        };
        dock.Hooks.BeforeChunkWrite = (path, _) =>
        {
            lock (threads)
            {
                threads.Add((path.FileName, "write", Environment.CurrentManagedThreadId));
            }
        };
        dock.Hooks.BeforeCommit = path =>
        {
            if (path.FileName == "CLIP0002.MP4")
            {
                secondDone.Set();
            }
        };

        bool FirstStarted()
        {
            lock (threads)
            {
                return threads.Exists(t => t.File == "CLIP0001.MP4");
            }
        }

        var firstIngest = Task.Run(() => dock.IngestAsync(first, serial: "BC-1001", slot: 1));
        while (!FirstStarted())
        {
            await Task.Delay(5);
        }

        var secondStatus = await dock.IngestAsync(second, serial: "BC-1002", slot: 2);
        var firstStatus = await firstIngest;

        Assert.Equal((SlotState.Done, 1), (firstStatus.State, firstStatus.Done));
        Assert.Equal((SlotState.Done, 1), (secondStatus.State, secondStatus.Done));
        var secondThreads = threads.Where(t => t.File == "CLIP0002.MP4").Select(t => t.Thread).Distinct();
        Assert.Single(secondThreads); // read, hashed and written on one thread
        var firstWrites = threads.Where(t => t.File == "CLIP0001.MP4" && t.Step == "write").Select(t => t.Thread).Distinct();
        var firstReads = threads.Where(t => t.File == "CLIP0001.MP4" && t.Step == "read").Select(t => t.Thread).Distinct();
        Assert.Empty(firstWrites.Intersect(firstReads)); // alone when it started: a writer thread of its own
        Assert.Equal(2, dock.EntriesOf("ingested").Count);
    }
}
