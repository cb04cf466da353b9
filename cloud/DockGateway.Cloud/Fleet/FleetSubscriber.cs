using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// Subscribes (QoS 1) to every dock's <c>status</c>, <c>slots/+</c> and <c>events</c> under
/// <c>Cloud:Fleet:TopicRoot</c> on the <c>Cloud:Mqtt</c> broker and hands each message to
/// <see cref="FleetMessageHandler"/>. The connection reconnects with backoff and resubscribes by itself;
/// the broker then replays the retained status and slot topics, which brings the view up to date.
/// Events are not retained: with <c>Cloud:Mqtt:CleanSession=false</c> and a fixed <c>Cloud:Mqtt:ClientId</c>
/// (the production setting) the broker queues those raised while the cloud was away (for at most
/// <c>Cloud:Mqtt:SessionExpiry</c>) and delivers them on reconnect; with a clean session they are lost to the
/// alert list. Events go through the MQTT 5 shared subscription <c>$share/&lt;Cloud:Fleet:ShareGroup&gt;/…</c>,
/// so several cloud instances split them, each event handled by one.
/// Does nothing when <c>Cloud:Mqtt:Host</c> is not configured.
/// </summary>
public sealed partial class FleetSubscriber(
    FleetMessageHandler handler,
    IOptionsMonitor<MqttOptions> mqttOptions,
    IOptions<FleetOptions> fleetOptions,
    IConfiguration configuration,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<FleetSubscriber>();
    private volatile IMqttConnection? _connection;

    /// <summary>The broker connection while running (null when disabled or stopped).</summary>
    public IMqttConnection? Connection => _connection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!FleetOptions.SubscribesIn(configuration))
        {
            LogDisabled();
            return;
        }

        var options = mqttOptions.Get(FleetOptions.MqttSectionName);
        await using var connection = new MqttConnection(options, loggerFactory.CreateLogger<MqttConnection>());
        _connection = connection;
        try
        {
            connection.Start();
            foreach (var filter in FleetTopic.Filters(fleetOptions.Value.TopicRoot, fleetOptions.Value.ShareGroup))
            {
                await connection.SubscribeAsync(filter, MqttQos.AtLeastOnce, stoppingToken);
            }

            LogSubscribed(options.Host, options.Port, fleetOptions.Value.TopicRoot, fleetOptions.Value.ShareGroup);
            await foreach (var message in connection.Messages.ReadAllAsync(stoppingToken))
            {
                await handler.HandleAsync(message, stoppingToken);
                await message.AcknowledgeAsync(stoppingToken); // only now: an event acknowledged before it is stored is lost in a crash
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            _connection = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet view: Cloud:Mqtt:Host is not set, not subscribing to dock status")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet view: subscribed to {Host}:{Port} under {TopicRoot}/+/+/ (events shared in group '{ShareGroup}')")]
    private partial void LogSubscribed(string host, int port, string topicRoot, string shareGroup);
}
