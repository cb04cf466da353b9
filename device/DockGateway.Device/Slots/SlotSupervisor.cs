using System.Threading.Channels;
using DockGateway.Device.Custody;
using DockGateway.Device.Ingest;
using DockGateway.Shared.Custody;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Slots;

/// <summary>
/// Consumes the events of every <see cref="ISlotSource"/> and runs one ingest per occupied slot,
/// concurrently. A recorder pulled out cancels its ingest (nothing more is wiped) and the slot returns
/// to empty; on shutdown every ingest is cancelled the same way and a final checkpoint is signed.
/// </summary>
public sealed class SlotSupervisor(
    IEnumerable<ISlotSource> sources,
    IngestPipeline pipeline,
    SlotBoard board,
    CustodyLog log,
    ILogger<SlotSupervisor> logger) : BackgroundService
{
    private readonly Dictionary<int, Session> _sessions = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = Channel.CreateUnbounded<SlotEvent>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = sources.Select(source => PumpAsync(source, events.Writer, stoppingToken)).ToArray();
        if (pumps.Length == 0)
        {
            logger.LogWarning("No slot source is registered: start with --simulate <DIR> or add the hardware slots (AddDockHardware)");
        }

        try
        {
            await foreach (var slotEvent in events.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(slotEvent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            foreach (var slot in _sessions.Keys.ToList())
            {
                await StopAsync(slot, removed: false);
            }

            log.SignCheckpoint();
            await Task.WhenAll(pumps).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(SlotEvent slotEvent, CancellationToken stoppingToken)
    {
        switch (slotEvent)
        {
            case RecorderInserted inserted:
                await StopAsync(inserted.Slot, removed: true);
                logger.LogInformation("Slot {Slot}: recorder {Recorder} ({Vendor} {Model}) inserted", inserted.Slot, inserted.Recorder.Serial, inserted.Recorder.Vendor, inserted.Recorder.Model);
                var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var session = new Session(inserted, cancellation, board);
                session.Task = RunAsync(session);
                _sessions[inserted.Slot] = session;
                break;
            case RecorderRemoved removed:
                if (!await StopAsync(removed.Slot, removed: true))
                {
                    await board.ShowAsync(SlotBoard.Empty(removed.Slot), stoppingToken);
                }

                break;
            case DeviceRefused refused:
                await StopAsync(refused.Slot, removed: true);
                logger.LogWarning("Slot {Slot}: refused {Vendor} {Model} {Serial}: {Reason}", refused.Slot, refused.Device.Vendor, refused.Device.Model, refused.Device.Serial, refused.Reason);
                log.Append(new RefusedEntry(refused.Slot, "not-a-recorder", refused.Reason,
                    Serial: refused.Device.Serial, Vendor: refused.Device.Vendor, Model: refused.Device.Model));
                await board.ShowAsync(new SlotStatus(refused.Slot, SlotState.Refused, refused.Device.Serial, 0, 0, 0, $"refused: {refused.Reason}"), stoppingToken);
                break;
            case RecorderFailed failed:
                await StopAsync(failed.Slot, removed: true);
                logger.LogError("Slot {Slot}: recorder {Serial} cannot be ingested ({Reason}): {Detail}", failed.Slot, failed.Recorder.Serial, failed.Reason, failed.Detail);
                log.Append(new ErrorEntry(failed.Slot, failed.Recorder.Serial, failed.Reason, failed.Detail, failed.Recorder.Vendor, failed.Recorder.Model)
                {
                    Unregistered = failed.Recorder.IsRegistered ? null : true,
                });
                await board.ShowAsync(new SlotStatus(failed.Slot, SlotState.Error, failed.Recorder.Serial, 0, 0, 1, $"error: {failed.Detail}"), stoppingToken);
                break;
        }
    }

    private async Task RunAsync(Session session)
    {
        var (slot, recorder) = (session.Inserted.Slot, session.Inserted.Recorder);
        var token = session.Cancellation.Token;
        try
        {
            var status = await pipeline.IngestAsync(slot, recorder, session.Inserted.Volume, session.Inserted.Clock, session.ShowAsync, token);
            session.Complete = status.State == SlotState.Done;
            if (session.Complete)
            {
                await session.ShowAsync(status with { State = SlotState.Wiped });
            }

            await session.ShowAsync(status);
            logger.LogInformation("Slot {Slot}: {Recorder} finished {State}: {Message}", slot, recorder.Serial, status.State, status.Message);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            logger.LogInformation("Slot {Slot}: ingest of {Recorder} stopped; nothing more was wiped", slot, recorder.Serial);
        }
        catch (RecorderGoneException e)
        {
            // Its storage vanished before the slot source saw it go: the slot is empty now, not when that event comes.
            logger.LogInformation("Slot {Slot}: {Recorder} left mid-ingest ({Reason}); nothing more was wiped", slot, recorder.Serial, e.Message);
            await session.ReleaseAsync(SlotBoard.Empty(slot));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Slot {Slot}: ingest of {Recorder} failed", slot, recorder.Serial);
            try
            {
                log.Append(new ErrorEntry(slot, recorder.Serial, "internal", e.Message));
                await session.ShowAsync(new SlotStatus(slot, SlotState.Error, recorder.Serial, 0, 0, 1, $"error: {e.Message}"));
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Slot {Slot}: could not record the failure", slot);
            }
        }
    }

    /// <summary>
    /// Cancels and awaits the slot's ingest; when the recorder left, the slot shows empty at once (the
    /// session may still be finishing a copy it made) and <c>removed</c> is logged once it ended. False when the slot had none.
    /// </summary>
    private async Task<bool> StopAsync(int slot, bool removed)
    {
        if (!_sessions.Remove(slot, out var session))
        {
            return false;
        }

        await session.Cancellation.CancelAsync();
        if (removed)
        {
            await session.ReleaseAsync(SlotBoard.Empty(slot));
        }

        await session.Task!;
        session.Dispose();
        await session.Inserted.Volume.DisposeAsync();
        if (removed)
        {
            log.Append(new RemovedEntry(slot, session.Inserted.Recorder.Serial, session.Complete));
            logger.LogInformation("Slot {Slot}: {Recorder} removed ({Complete})", slot, session.Inserted.Recorder.Serial, session.Complete ? "complete" : "incomplete");
        }

        return true;
    }

    private async Task PumpAsync(ISlotSource source, ChannelWriter<SlotEvent> writer, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var slotEvent in source.WatchAsync(stoppingToken))
            {
                await writer.WriteAsync(slotEvent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Slot source {Source} failed", source.GetType().Name);
        }
    }

    /// <summary>One slot's ingest. Once released (the recorder left), nothing it reports reaches the board any more.</summary>
    private sealed class Session(RecorderInserted inserted, CancellationTokenSource cancellation, SlotBoard board) : IDisposable
    {
        private readonly SemaphoreSlim _board = new(1, 1);
        private bool _released;

        public RecorderInserted Inserted { get; } = inserted;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task? Task { get; set; }

        public bool Complete { get; set; }

        public ValueTask ShowAsync(SlotStatus status) => ShowAsync(status, release: false);

        /// <summary>Shows <paramref name="final"/> and nothing the session reports after it.</summary>
        public ValueTask ReleaseAsync(SlotStatus final) => ShowAsync(final, release: true);

        public void Dispose()
        {
            Cancellation.Dispose();
            _board.Dispose();
        }

        private async ValueTask ShowAsync(SlotStatus status, bool release)
        {
            await _board.WaitAsync(CancellationToken.None);
            try
            {
                if (!_released)
                {
                    _released = release;
                    await board.ShowAsync(status, CancellationToken.None);
                }
            }
            finally
            {
                _board.Release();
            }
        }
    }
}
