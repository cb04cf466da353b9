using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace DockGateway.Shared.Mqtt;

/// <summary>Subscriptions kept across reconnects: added here, resent by the connect loop after every connect.</summary>
public sealed partial class MqttConnection
{
    private readonly Dictionary<string, MqttQos> _subscriptions = [];
    private readonly Lock _subscriptionsGate = new();

    public async Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (MqttTopic.FilterError(filter) is { } filterError)
        {
            throw new ArgumentException($"Subscription filter {filterError}", nameof(filter));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)qos, 2, nameof(qos));
        lock (_subscriptionsGate)
        {
            _subscriptions[filter] = qos;
            if (_connectedSession == 0)
            {
                return; // the connect loop sends it: it copies the list and marks the connection up under this lock
            }
        }

        try
        {
            await SendSubscribeAsync([new(filter, qos)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not MqttException && !_client.IsConnected)
        {
            _logger.LogDebug("MQTT SUBSCRIBE to {Filter} was cut off by a lost connection; it is resent on reconnect", filter);
        }
    }

    /// <summary>One SUBSCRIBE for <paramref name="filters"/>; waits for the SUBACK and reports every refused filter.</summary>
    private async Task SendSubscribeAsync(IReadOnlyList<KeyValuePair<string, MqttQos>> filters, CancellationToken cancellationToken)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var (filter, qos) in filters)
        {
            builder.WithTopicFilter(filter, (MqttQualityOfServiceLevel)qos);
        }

        var result = await _client.SubscribeAsync(builder.Build(), cancellationToken);
        var refused = result.Items
            .Where(i => i.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            .Select(i => $"'{i.TopicFilter.Topic}': {i.ResultCode}")
            .ToList();
        if (refused.Count > 0)
        {
            var text = string.Join(", ", refused);
            _logger.LogError("MQTT broker {Host}:{Port} refused subscriptions: {Refused}", _options.Host, _options.Port, text);
            throw new MqttException($"The broker refused the subscription {text}");
        }
    }
}
