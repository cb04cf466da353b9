using DockGateway.Device.Custody;
using Microsoft.Extensions.Hosting;

namespace DockGateway.Device.Sync;

/// <summary>At start, queues for upload the ingested entries committed after the last one queued (<see cref="UploadEnqueuer.Replay"/>).</summary>
internal sealed class BacklogReplay(UploadEnqueuer enqueuer, CustodyLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        enqueuer.Replay(log);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
