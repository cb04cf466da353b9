using DockGateway.Cloud.Uploads;
using DockGateway.Shared.Faults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Retention;

/// <summary>
/// The only thing that deletes footage: every hour (on the injected <see cref="TimeProvider"/>) it finishes any
/// deletion a crash interrupted, then for each file retention lets go it writes the deletion records durably, deletes
/// the blob (<see cref="IBlobStore.DeleteAsync"/>) and marks the records done. Held files are never touched (checked
/// when planning, when recording and again right before the delete). Custody entries and footage rows stay.
/// </summary>
public sealed class RetentionJob(
    RetentionPlanner planner, DeletionRecordStore records, IBlobStore blobs, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public const string Name = "retention-job";

    public static TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>One run at the current time; runs never overlap.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (deleted, cancelled) = (0, 0);
            foreach (var sha256 in await records.PendingAsync(cancellationToken))
            {
                var done = await FinishAsync(sha256, cancellationToken);
                (deleted, cancelled) = done ? (deleted + 1, cancelled) : (deleted, cancelled + 1);
            }

            foreach (var file in await planner.DueByAsync(time.GetUtcNow(), null, cancellationToken))
            {
                if (!await records.TryRecordAsync(file.ToList(), Name, time.GetUtcNow(), cancellationToken))
                {
                    continue;
                }

                CrashPoint.Reached("retention-recorded");
                var done = await FinishAsync(file.Key, cancellationToken);
                (deleted, cancelled) = done ? (deleted + 1, cancelled) : (deleted, cancelled + 1);
            }

            return new RetentionRun(deleted, cancelled);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var run = await RunOnceAsync(stoppingToken);
                if (run.Deleted + run.Cancelled > 0)
                {
                    logger.LogInformation("Retention: deleted {Deleted} files, cancelled {Cancelled} deletions for new holds", run.Deleted, run.Cancelled);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention run failed; the next run finishes what it left pending");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes the blob of a file whose records are pending, unless a hold arrived; true when deleted.</summary>
    private async Task<bool> FinishAsync(string sha256, CancellationToken cancellationToken)
    {
        if (await records.IsHeldAsync(sha256, cancellationToken))
        {
            await records.FinishAsync(sha256, "cancelled", time.GetUtcNow(), cancellationToken);
            return false;
        }

        await blobs.DeleteAsync(sha256, cancellationToken); // false = already gone (deleted before a crash): fine
        CrashPoint.Reached("retention-deleted");
        await records.FinishAsync(sha256, "deleted", time.GetUtcNow(), cancellationToken);
        return true;
    }
}
