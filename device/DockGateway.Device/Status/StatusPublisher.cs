using DockGateway.Shared.Mqtt;
using DockGateway.Shared.Versioning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Status;

/// <summary>
/// Keeps the retained topics current: refreshes <c>status</c> every <c>Mqtt:Status:Interval</c>, sends
/// each changed retained topic (latest payload only, after a short coalescing window) while connected,
/// re-sends all of them after every reconnect, and leaves <c>status</c> offline on an orderly stop
/// (a clean DISCONNECT does not fire the will).
/// </summary>
public sealed class StatusPublisher(
    RetainedTopics retained,
    IMqttConnection connection,
    DockTopics topics,
    DockStatusOptions options,
    IEnumerable<IQueueLength> queues,
    TimeProvider time,
    ILogger<StatusPublisher> logger) : BackgroundService
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private long _publishes;

    /// <summary>Retained messages handed to the broker connection since start.</summary>
    public long Publishes => Interlocked.Read(ref _publishes);

    public DockStatusSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        return new DockStatusSnapshot(
            StatusJson.SchemaVersion, options.Agency, options.DockId, true, ProductInfo.Version, StatusJson.Time(_startedAt),
            (long)(now - _startedAt).TotalSeconds, FreeDiskBytes(), Queues(now), StatusJson.Time(now));
    }

    /// <summary>Each queue's length; for a backlog also its bytes and its oldest item's age in seconds (0 when none waits).</summary>
    private Dictionary<string, long> Queues(DateTimeOffset now)
    {
        var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            lengths[queue.QueueName] = queue.QueueLength;
            if (queue is IQueueBacklog backlog)
            {
                lengths[queue.QueueName + "_bytes"] = backlog.QueueBytes;
                lengths[queue.QueueName + "_oldest_s"] = backlog.OldestQueuedAt is { } oldest ? Math.Max(0, (long)(now - oldest).TotalSeconds) : 0;
            }
        }

        return lengths;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!connection.IsConnected)
        {
            return;
        }

        try
        {
            var offline = StatusJson.Offline(options.Agency, options.DockId, time.GetUtcNow());
            var delivery = await connection.PublishAsync(topics.Status, offline, MqttQos.AtLeastOnce, retain: true, cancellationToken);
            await delivery.Completion.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not publish the offline status on stop; the broker keeps the last online status");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        connection.StateChanged += OnStateChanged;
        try
        {
            var nextStatus = time.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextStatus)
                {
                    retained.Set(topics.Status, StatusJson.Status(Snapshot()));
                    nextStatus = time.GetUtcNow() + options.Interval;
                }

                if (connection.IsConnected)
                {
                    await PublishDirtyAsync(stoppingToken);
                }

                var untilStatus = nextStatus - time.GetUtcNow();
                await retained.WaitForChangeAsync(untilStatus > TimeSpan.Zero ? untilStatus : TimeSpan.Zero, stoppingToken);
                if (options.Coalesce > TimeSpan.Zero)
                {
                    await Task.Delay(options.Coalesce, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            connection.StateChanged -= OnStateChanged;
        }
    }

    private async Task PublishDirtyAsync(CancellationToken stoppingToken)
    {
        var dirty = retained.TakeDirty();
        for (var i = 0; i < dirty.Count; i++)
        {
            try
            {
                await connection.PublishAsync(dirty[i].Key, dirty[i].Value, MqttQos.AtLeastOnce, retain: true, stoppingToken);
                Interlocked.Increment(ref _publishes);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Publishing retained {Topic} failed; it is sent again later", dirty[i].Key);
                retained.Restore(dirty.Skip(i));
                return;
            }
        }
    }

    private void OnStateChanged(object? sender, MqttConnectionState state)
    {
        if (state == MqttConnectionState.Connected)
        {
            retained.MarkAllDirty();
        }
    }

    private long? FreeDiskBytes()
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(options.DataDirectory)).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
