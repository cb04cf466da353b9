using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Status;

/// <summary>
/// The non-blocking way into the outbox for code on a hot path (the custody log's observer runs on
/// the ingest thread): <see cref="Post"/> only enqueues; this service commits what accumulated to
/// <see cref="EventOutbox"/> in one transaction per batch. Code that must know the event is durable
/// calls <see cref="EventOutbox.Append(DockEvent)"/> directly.
/// </summary>
public sealed class DockEventWriter(EventOutbox outbox, ILogger<DockEventWriter> logger) : BackgroundService
{
    private readonly Channel<DockEvent> _pending = Channel.CreateUnbounded<DockEvent>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(DockEvent dockEvent) => _pending.Writer.TryWrite(dockEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<DockEvent>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                Drain(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_pending.Reader.TryPeek(out _))
            {
                Drain(batch); // commit whatever was posted before the stop
            }
        }
    }

    private void Drain(List<DockEvent> batch)
    {
        while (batch.Count < 1000 && _pending.Reader.TryRead(out var e))
        {
            batch.Add(e);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            outbox.Append(batch);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Writing {Count} dock events to the outbox failed", batch.Count);
        }

        batch.Clear();
    }
}
