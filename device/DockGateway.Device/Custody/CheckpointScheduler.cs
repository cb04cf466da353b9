using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Custody;

/// <summary>Signs a checkpoint at start (covering what a crash left unsigned) and every Dock:CheckpointInterval.</summary>
public sealed class CheckpointScheduler(CustodyLog log, IOptions<DockOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.SignCheckpoint();
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                log.SignCheckpoint();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the slot supervisor signs the final checkpoint.
        }
    }
}
