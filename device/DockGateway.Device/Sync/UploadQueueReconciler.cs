using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Faults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Sync;

/// <summary>
/// Brings the upload queue (sync.db) up to the custody log: every <c>ingested</c> entry's stored file is queued
/// (idempotent by entry index). Runs at start, whenever <see cref="UploadEnqueuer"/> signals a new ingest, and every
/// <see cref="Sweep"/> in case a signal is missed. The ingest path never waits for sync.db: a crash (or a locked or
/// failing sync.db) between the custody commit and the queue insert loses nothing, the next pass queues it. A
/// watermark in sync_state (<see cref="WatermarkState"/>) keeps each pass to the entries after those already queued;
/// it only moves up to the log size read before the pass, and only after the inserts committed.
/// </summary>
public sealed class UploadQueueReconciler(UploadBacklog queue, CustodyLog log, UploadEnqueuer signal, TimeProvider time, ILogger<UploadQueueReconciler> logger)
    : BackgroundService
{
    /// <summary>The sync_state row holding the first custody index not yet looked at for <c>ingested</c> entries.</summary>
    public const string WatermarkState = "ingested-enqueued";

    /// <summary>The longest the queue lags the log when a signal is lost (it never should be).</summary>
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan s_retry = TimeSpan.FromSeconds(1);
    private bool _failing;

    /// <summary>Queues the files of <c>ingested</c> entries after the watermark; returns how many were added.</summary>
    public int Reconcile()
    {
        var size = log.Size;
        var from = queue.GetState(WatermarkState);
        var added = 0;
        for (var start = from; start < size; start += 1000)
        {
            foreach (var record in log.Entries<IngestedEntry>(start, Math.Min(start + 1000, size)))
            {
                if (record.TryGetEntry<IngestedEntry>(out var ingested, out var problem))
                {
                    CrashPoint.Reached("upload-queueing");
                    added += queue.Enqueue(record.Index, ingested.Sha256, ingested.Size, ingested.Stored, ingested.Recorder, ingested.Time) ? 1 : 0;
                }
                else
                {
                    logger.LogError("Custody entry {Index} is typed ingested but cannot be read, so its file is not queued for upload: {Problem}", record.Index, problem);
                }
            }
        }

        if (size > from)
        {
            queue.SetState(WatermarkState, size);
        }

        return added;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Sweep;
            try
            {
                if (Reconcile() is > 0 and var added)
                {
                    logger.LogDebug("{Count} ingested files queued for upload", added);
                }

                _failing = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Once per outage at warning level (sync.db locked or failing), then at debug each second it lasts.
                logger.Log(_failing ? LogLevel.Debug : LogLevel.Warning, "Queueing ingested files for upload failed ({Error}); retrying every {Delay}", e.Message, s_retry);
                _failing = true;
                wait = s_retry;
            }

            await signal.WaitAsync(wait, time, stoppingToken);
        }
    }
}
