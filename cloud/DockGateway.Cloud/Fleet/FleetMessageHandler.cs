using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// Takes one message from the docks' topics into the store. Bad input (a foreign topic, an oversize or
/// malformed payload, a dock not enrolled under the topic's agency) is logged, counted and changes nothing;
/// nothing a dock sends can throw out of here except cancellation.
/// </summary>
public sealed partial class FleetMessageHandler(
    FleetStore store, FleetCounters counters, IOptions<FleetOptions> options, TimeProvider time, ILogger<FleetMessageHandler> logger)
{
    public async Task<FleetOutcome> HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        var outcome = await ClassifyAndStoreAsync(message, cancellationToken);
        counters.Count(outcome);
        return outcome;
    }

    private async Task<FleetOutcome> ClassifyAndStoreAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (FleetTopic.Parse(settings.TopicRoot, message.Topic, out var topicError) is not { } topic)
        {
            LogMalformed(message.Topic, "topic " + topicError);
            return FleetOutcome.Malformed;
        }

        if (message.Payload.Length > settings.MaxPayloadBytes)
        {
            LogOversize(message.Topic, message.Payload.Length, settings.MaxPayloadBytes);
            return FleetOutcome.Oversize;
        }

        DockStatusReport? status = null;
        SlotReport? slot = null;
        DockEventReport? dockEvent = null;
        try
        {
            switch (topic.Kind)
            {
                case FleetTopicKind.Status:
                    status = DockStatusReport.Parse(message.Payload, topic);
                    break;
                case FleetTopicKind.Slot:
                    slot = SlotReport.Parse(message.Payload, topic);
                    break;
                default:
                    dockEvent = DockEventReport.Parse(message.Payload, topic);
                    break;
            }
        }
        catch (FleetPayloadException ex)
        {
            LogMalformed(message.Topic, "payload " + ex.Message);
            return FleetOutcome.Malformed;
        }

        try
        {
            if (!await store.IsEnrolledAsync(topic.Agency, topic.Dock, cancellationToken))
            {
                LogUnknownDock(message.Topic, topic.Dock, topic.Agency);
                return FleetOutcome.UnknownDock;
            }

            var now = time.GetUtcNow();
            if (status is not null)
            {
                await store.ApplyStatusAsync(topic, status, now, status.Online ? SeenAt(message, status.Time, now) : null, cancellationToken);
                LogStatus(topic.Agency, topic.Dock, status.Online);
            }
            else if (slot is not null)
            {
                await store.ApplySlotAsync(topic, slot, now, SeenAt(message, slot.Time, now), cancellationToken);
            }
            else if (!await store.ApplyEventAsync(topic, dockEvent!, now, SeenAt(message, dockEvent!.Time, now), cancellationToken))
            {
                return FleetOutcome.Duplicate;
            }

            return FleetOutcome.Applied;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStoreFailed(ex, message.Topic);
            return FleetOutcome.Failed;
        }
    }

    /// <summary>
    /// When the dock was last alive according to this message: now for a live message; for a retained one
    /// (replayed by the broker on subscribe, possibly old) the time the dock wrote in it, never later than now.
    /// </summary>
    private static DateTimeOffset? SeenAt(MqttMessage message, DateTimeOffset? reported, DateTimeOffset now) =>
        !message.Retain ? now : reported is { } t ? (t < now ? t : now) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored MQTT message on {Topic}: {Reason}")]
    private partial void LogMalformed(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored MQTT message on {Topic}: {Bytes} bytes is over Cloud:Fleet:MaxPayloadBytes ({Max})")]
    private partial void LogOversize(string topic, int bytes, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored MQTT message on {Topic}: dock {Dock} is not enrolled under agency {Agency}")]
    private partial void LogUnknownDock(string topic, string dock, string agency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dock {Agency}/{Dock} reports online={Online}")]
    private partial void LogStatus(string agency, string dock, bool online);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing the MQTT message on {Topic} failed")]
    private partial void LogStoreFailed(Exception exception, string topic);
}
