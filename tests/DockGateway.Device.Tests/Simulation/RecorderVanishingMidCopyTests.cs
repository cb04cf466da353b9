using System.Diagnostics;
using System.Text.Json;
using DockGateway.Device.Custody;
using DockGateway.Device.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Device.Tests.Simulation;

/// <summary>
/// Issue 8 item 5: a recorder that leaves in the middle of a large copy. Its temporary copy must leave
/// incoming/ at once and the slot must show empty at once, whether the slot source reports the removal
/// (recorder.json gone) or the volume vanishes first (a FUSE mount dying before USB reports the removal).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RecorderVanishingMidCopyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long LargeFile = 256L * 1024 * 1024;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(2);
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-vanish-").FullName;
    private readonly IngestHooks _hooks = new();
    private IHost? _host;

    private string Slot => Path.Combine(_root, "sim", "slots", "1");

    private string Incoming => Path.Combine(_root, "data", "incoming");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dock:DataDirectory"] = Path.Combine(_root, "data"),
            ["Dock:Simulation:Root"] = Path.Combine(_root, "sim"),
            ["Dock:Simulation:PollInterval"] = "00:00:00.050",
            ["Dock:MinFreeBytes"] = "0",
        });
        builder.Services.AddSingleton(_hooks);
        builder.Services.AddDockServices(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host!.StopAsync();
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public Task The_volume_vanishing_mid_copy_discards_the_temporary_copy_and_empties_the_slot_at_once() =>
        RemoveMidCopy("volume vanished", () => Directory.Delete(Path.Combine(Slot, "volume"), recursive: true));

    [Fact]
    public Task A_read_failing_because_the_volume_died_discards_the_temporary_copy_and_empties_the_slot_at_once() =>
        RemoveMidCopy("volume died (EIO)", () => Directory.Delete(Path.Combine(Slot, "volume"), recursive: true), failRead: true);

    [Fact]
    public Task A_recorder_pulled_mid_copy_discards_the_temporary_copy_and_empties_the_slot_at_once() =>
        RemoveMidCopy("recorder.json removed", () => File.Delete(Path.Combine(Slot, "recorder.json")));

    private async Task RemoveMidCopy(string how, Action remove, bool failRead = false)
    {
        var removed = new TaskCompletionSource<Stopwatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        _hooks.AfterChunk = (path, offset) =>
        {
            if (path.FileName.EndsWith("_0002.MP4", StringComparison.Ordinal) && offset >= LargeFile / 8 && !removed.Task.IsCompleted)
            {
                Assert.NotEmpty(Directory.GetFiles(Incoming));
                remove();
                removed.SetResult(Stopwatch.StartNew());
                if (failRead)
                {
                    throw new IOException("Input/output error"); // what a read on a dead FUSE mount gets
                }
            }

            Thread.Sleep(1); // a USB card's pace, not a page cache's
        };
        var volume = Path.Combine(Slot, "volume", "DCIM");
        Directory.CreateDirectory(volume);
        await File.WriteAllBytesAsync(Path.Combine(volume, "REC_20261120_080000_0001.MP4"), new byte[256 * 1024]);
        using (var large = File.Create(Path.Combine(volume, "REC_20261120_080300_0002.MP4")))
        {
            large.SetLength(LargeFile); // sparse: quick to make, a full copy to ingest
        }

        await File.WriteAllTextAsync(Path.Combine(Slot, "recorder.json"), """{"serial":"VANISH-1","vendor":"Acme","model":"BW-1"}""");

        var watch = await removed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var (discardedWait, emptyWait) = (Within(() => Directory.GetFiles(Incoming).Length == 0), Within(() => State() == "empty"));
        var (discarded, empty) = (await discardedWait, await emptyWait);
        output.WriteLine($"{how}: temporary copy discarded after {Ms(discarded)}, slot empty after {Ms(empty)} (bound {s_bound.TotalMilliseconds} ms)");

        Assert.True(discarded is not null, $"{how}: incoming/ still holds {string.Join(", ", Directory.GetFiles(Incoming))} {s_bound.TotalSeconds} s after the removal");
        Assert.True(empty is not null, $"{how}: slot 1 still shows '{State()}' {s_bound.TotalSeconds} s after the removal");

        File.Delete(Path.Combine(Slot, "recorder.json"));
        var log = _host!.Services.GetRequiredService<CustodyLog>();
        Assert.NotNull(await Within(() => log.Entries(0, log.Size).Any(e => e.Type == "removed"), TimeSpan.FromSeconds(10)));
        Assert.DoesNotContain(log.Entries(0, log.Size), e => e.Type == "error");

        async Task<TimeSpan?> Within(Func<bool> condition, TimeSpan? bound = null)
        {
            while (watch.Elapsed < (bound ?? s_bound))
            {
                if (condition())
                {
                    return watch.Elapsed;
                }

                await Task.Delay(5);
            }

            return null;
        }
    }

    private static string Ms(TimeSpan? time) => time is { } t ? $"{t.TotalMilliseconds:F0} ms" : "never";

    private string? State()
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Slot, "state.json")));
            return doc.RootElement.GetProperty("state").GetString();
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }
}
