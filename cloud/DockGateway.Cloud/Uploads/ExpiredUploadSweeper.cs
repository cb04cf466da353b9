using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Uploads;

/// <summary>tus expiration: every minute, unfinished uploads past their Upload-Expires are removed.</summary>
public sealed class ExpiredUploadSweeper(
    IUploadStore store, IBlobStore blobs, RunningHashes hashes, UploadLocks locks, TimeProvider time, ILogger<ExpiredUploadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sweeping expired uploads failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var expired = await store.ListExpiredAsync(time.GetUtcNow(), cancellationToken);
        foreach (var id in expired)
        {
            await using var held = await locks.TryEnterAsync(id, cancellationToken);
            if (held is null)
            {
                continue; // a request (or the start-up recovery) is using it: the next sweep decides
            }

            await store.DeleteAsync(id, cancellationToken);
            await blobs.DeletePartialAsync(id, cancellationToken);
            hashes.Forget(id);
            logger.LogInformation("Upload {Upload} expired and was removed", id);
        }
        return expired.Count;
    }
}
