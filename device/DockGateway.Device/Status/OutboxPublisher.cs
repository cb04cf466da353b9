using System.Threading.Channels;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Status;

/// <summary>
/// Publishes the outbox's events to <c>…/events</c> at QoS 1, oldest first, and marks each sent when
/// its PUBACK arrives. While the broker is away the MQTT connection keeps the messages (bounded by
/// <c>Mqtt:MaxQueuedMessages</c>, default 100; beyond that this loop waits and the rest stay in the outbox on disk,
/// not in memory).
/// Unacknowledged events at shutdown stay unsent and are published again at the next start.
/// </summary>
public sealed class OutboxPublisher(
    EventOutbox outbox, IMqttConnection connection, DockTopics topics, DockStatusOptions options, ILogger<OutboxPublisher> logger)
    : BackgroundService
{
    private const int BatchSize = 256;
    private const int GatherBelow = 64;
    private const int MaxMarkBatch = 1024;
    private static readonly TimeSpan s_gatherWindow = TimeSpan.FromMilliseconds(2);
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

    /// <summary>
    /// Writes acknowledgements to the outbox in batches (one transaction, so one fsync, per batch). PUBACKs
    /// arrive one by one; when a wake-up finds only a few, it waits a moment for those in flight to join.
    /// </summary>
    private async Task MarkAcknowledgedAsync()
    {
        var ids = new List<long>();
        while (await _acknowledged.Reader.WaitToReadAsync(CancellationToken.None))
        {
            Drain(ids);
            if (ids.Count < GatherBelow)
            {
                await Task.Delay(s_gatherWindow, CancellationToken.None);
                Drain(ids);
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

    private void Drain(List<long> ids)
    {
        while (ids.Count < MaxMarkBatch && _acknowledged.Reader.TryRead(out var id))
        {
            ids.Add(id);
        }
    }
}
