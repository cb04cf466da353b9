using System.Threading.Channels;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Status;

/// <summary>
/// Publishes the outbox's events to <c>…/events</c> at QoS 1, oldest first, and marks each sent when
/// its PUBACK arrives. While the broker is away libmosquitto keeps the messages (bounded by
/// <c>Mqtt:MaxQueuedMessages</c>, default 100; beyond that this loop waits and the rest stay in the outbox on disk,
/// not in memory).
/// Unacknowledged events at shutdown stay unsent and are published again at the next start.
/// </summary>
public sealed class OutboxPublisher(
    EventOutbox outbox, IMqttConnection connection, DockTopics topics, DockStatusOptions options, ILogger<OutboxPublisher> logger)
    : BackgroundService
{
    private const int BatchSize = 256;
    private readonly Channel<long> _acknowledged = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private long _published;

    /// <summary>Events handed to the broker connection since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var marker = Task.Run(MarkAcknowledgedAsync, CancellationToken.None);
        try
        {
            await PublishAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            _acknowledged.Writer.TryComplete();
            await marker;
        }
    }

    private async Task PublishAsync(CancellationToken stoppingToken)
    {
        long highestQueued = 0;
        var nextPrune = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = outbox.ReadUnsent(highestQueued, BatchSize);
            if (batch.Count == 0)
            {
                if (DateTime.UtcNow >= nextPrune)
                {
                    outbox.PruneSent(options.KeepSentEvents);
                    nextPrune = DateTime.UtcNow.AddHours(1);
                }

                await outbox.WaitForAppendAsync(TimeSpan.FromSeconds(5), stoppingToken);
                continue;
            }

            foreach (var record in batch)
            {
                var delivery = await connection.PublishAsync(topics.Events, record.Payload, MqttQos.AtLeastOnce, retain: false, stoppingToken);
                highestQueued = record.Id;
                Interlocked.Increment(ref _published);
                _ = delivery.Completion.ContinueWith(
                    (t, id) => { if (t.IsCompletedSuccessfully) { _acknowledged.Writer.TryWrite((long)id!); } },
                    record.Id,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
    }

    /// <summary>Writes acknowledgements to the outbox in batches (one transaction per batch).</summary>
    private async Task MarkAcknowledgedAsync()
    {
        var ids = new List<long>();
        while (await _acknowledged.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (ids.Count < 1024 && _acknowledged.Reader.TryRead(out var id))
            {
                ids.Add(id);
            }

            try
            {
                outbox.MarkSent(ids);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Marking {Count} outbox events as sent failed; they will be published again", ids.Count);
            }

            ids.Clear();
        }
    }
}
