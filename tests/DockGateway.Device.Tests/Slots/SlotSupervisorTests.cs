using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Slots;

/// <summary>The supervisor's handling of slot events that never reach the ingest: refusals and failed recorders.</summary>
public sealed class SlotSupervisorTests : IDisposable
{
    private readonly TestDock _dock = new();

    public void Dispose() => _dock.Dispose();

    [Fact]
    public async Task Recorder_whose_volume_failed_is_an_error_entry_and_an_error_light_not_a_refusal()
    {
        var recorder = new RecorderIdentity("CAM-9", "Maker", "Body Camera", IsRegistered: false);
        var shown = await RunAsync(new RecorderFailed(2, recorder, "mount-failed", "recorder CAM-9: volume not mounted: bad superblock"));

        var entry = Assert.Single(_dock.EntriesOf("error"));
        Assert.Equal(2, (int)entry["slot"]!);
        Assert.Equal("CAM-9", (string?)entry["recorder"]);
        Assert.Equal("mount-failed", (string?)entry["reason"]);
        Assert.Contains("bad superblock", (string?)entry["detail"], StringComparison.Ordinal);
        Assert.True((bool)entry["unregistered"]!);
        Assert.Empty(_dock.EntriesOf("refused"));
        Assert.Equal(SlotState.Error, shown.State);
        Assert.Equal("CAM-9", shown.Recorder);
        Assert.Equal(1, shown.Errors);
    }

    [Fact]
    public async Task Device_that_is_not_a_recorder_is_a_refused_entry_and_a_refused_light()
    {
        var shown = await RunAsync(new DeviceRefused(1, new RecorderIdentity("4C530001", "SanDisk", "Cruzer"), "0781:5567 is not a known recorder"));

        var entry = Assert.Single(_dock.EntriesOf("refused"));
        Assert.Equal("not-a-recorder", (string?)entry["reason"]);
        Assert.Empty(_dock.EntriesOf("error"));
        Assert.Equal(SlotState.Refused, shown.State);
    }

    /// <summary>Runs a supervisor over one event and returns the last status it showed for that slot.</summary>
    private async Task<SlotStatus> RunAsync(SlotEvent slotEvent)
    {
        var indicator = new RecordingIndicator();
        var board = new SlotBoard([indicator], NullLogger<SlotBoard>.Instance);
        using var supervisor = new SlotSupervisor([new OneEvent(slotEvent)], _dock.Pipeline, board, _dock.Log, NullLogger<SlotSupervisor>.Instance);
        await supervisor.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!indicator.Shown.TryGetValue(slotEvent.Slot, out var status) || status.State == SlotState.Empty)
        {
            await Task.Delay(10, timeout.Token);
        }

        await supervisor.StopAsync(CancellationToken.None);
        return indicator.Shown[slotEvent.Slot];
    }

    private sealed class OneEvent(SlotEvent slotEvent) : ISlotSource
    {
        public async IAsyncEnumerable<SlotEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return slotEvent;
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private sealed class RecordingIndicator : ISlotIndicator
    {
        public ConcurrentDictionary<int, SlotStatus> Shown { get; } = new();

        public ValueTask ShowAsync(SlotStatus status, CancellationToken cancellationToken)
        {
            Shown[status.Slot] = status;
            return ValueTask.CompletedTask;
        }
    }
}
