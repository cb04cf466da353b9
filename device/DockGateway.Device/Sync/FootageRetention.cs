using DockGateway.Device.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Sync;

/// <summary>
/// Deletes local footage only when the cloud has acknowledged its SHA-256 (verified receipt) AND
/// <c>Sync:RetainDays</c> have passed since; never a pending file. Runs hourly.
/// </summary>
public sealed class FootageRetention(UploadBacklog queue, string footageDirectory, SyncOptions options, TimeProvider time, ILogger<FootageRetention> logger)
    : BackgroundService
{
    /// <summary>The service's retention, over the footage store's <c>footage/</c>.</summary>
    public FootageRetention(UploadBacklog queue, FootageStore footage, SyncOptions options, TimeProvider time, ILogger<FootageRetention> logger)
        : this(queue, footage.FootageDirectory, options, time, logger)
    {
    }

    /// <summary>Deletes what is due now; returns how many files were deleted.</summary>
    public int Sweep()
    {
        var deleted = 0;
        foreach (var item in queue.DueForDeletion(time.GetUtcNow(), options.RetainDays))
        {
            var path = Path.GetFullPath(Path.Combine(footageDirectory, item.Stored));
            if (!path.StartsWith(Path.GetFullPath(footageDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                logger.LogError("Retention refused to delete {Path}: outside the footage directory", path);
                continue;
            }

            File.Delete(path);
            queue.MarkDeleted(item.Entry);
            deleted++;
            logger.LogInformation("Retention deleted {Stored} ({Sha256}), acknowledged by the cloud on {Acknowledged}", item.Stored, item.Sha256, item.AcknowledgedAt);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Sweep();
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retention sweep failed");
            }
        }
    }
}
