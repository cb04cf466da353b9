using System.Security.Cryptography;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// The copy loop runs on a thread of its own (issue 14): every chunk of a file is read, hashed and written on
/// one thread that is not a thread-pool thread, with no hand-off to the pool per chunk.
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
}
