using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Adapter;

namespace DockGateway.Shared.Mqtt;

/// <summary>The connect loop: connect, restore subscriptions, wait for the loss, back off, connect again.</summary>
public sealed partial class MqttConnection
{
    /// <summary>How often the loop looks at the client besides its disconnect event, as a safety net.</summary>
    private static readonly TimeSpan s_livenessCheck = TimeSpan.FromSeconds(1);

    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _session;
    private int _failedAttempts;

    /// <summary>The current connection's number (1, 2, …), 0 while not connected; set under the subscriptions lock.</summary>
    private volatile int _connectedSession;

    private async Task RunAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            SetState(MqttConnectionState.Connecting);
            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _lost, lost);
            try
            {
                var result = await _client.ConnectAsync(_clientOptions, stop);
                Interlocked.Exchange(ref _failedAttempts, 0);
                await OnConnectedAsync(result, stop);
                while (!lost.Task.IsCompleted && _client.IsConnected && !stop.IsCancellationRequested)
                {
                    await Task.WhenAny(lost.Task, Task.Delay(s_livenessCheck, stop));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // disposing
            }
            catch (MqttConnectingFailedException ex)
            {
                _logger.LogError("MQTT broker {Host}:{Port} refused the connection: {Reason}", _options.Host, _options.Port, ex.Message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning("MQTT connection to {Host}:{Port} failed: {Error}", _options.Host, _options.Port, ex.GetBaseException().Message);
            }

            ConnectionLost();
            if (stop.IsCancellationRequested)
            {
                break;
            }

            await CloseQuietlyAsync();

            var delay = NextDelay();
            _logger.LogInformation("MQTT reconnecting to {Host}:{Port} in {Delay}", _options.Host, _options.Port, delay);
            try
            {
                await Task.Delay(delay, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Marks the connection usable for subscribes and resends every subscription, under the subscriptions
    /// lock for the snapshot: a concurrent <see cref="SubscribeAsync"/> either lands before the snapshot (and
    /// is sent here) or sees the connection up (and sends it itself). Only then does the state become
    /// Connected and sending resume, so restored subscriptions precede resent publishes.
    /// </summary>
    private async Task OnConnectedAsync(MqttClientConnectResult result, CancellationToken stop)
    {
        if (!result.SharedSubscriptionAvailable && _subscriptions.Keys.Any(MqttTopic.IsShared))
        {
            _logger.LogError("MQTT broker {Host}:{Port} does not offer shared subscriptions; $share/ filters will be refused", _options.Host, _options.Port);
        }

        var session = Interlocked.Increment(ref _session);
        // The queue bound already limits what is in flight; a broker receive maximum below it needs its own limit.
        var receiveMaximum = result.ReceiveMaximum is > 0 and var max ? max : ushort.MaxValue;
        var limit = receiveMaximum < _options.MaxQueuedMessages ? new SemaphoreSlim(receiveMaximum) : null;
        List<KeyValuePair<string, MqttQos>> restore;
        lock (_subscriptionsGate)
        {
            restore = [.. _subscriptions];
            _connectedSession = session;
        }

        if (restore.Count > 0)
        {
            try
            {
                await SendSubscribeAsync(restore, stop);
            }
            catch (MqttException)
            {
                // A refused filter is logged by SendSubscribeAsync; the others are in place. Retrying would not help.
            }
        }

        SetState(MqttConnectionState.Connected);
        ResumeSending(session, limit);
        _logger.LogInformation(
            "MQTT connected to {Host}:{Port} as {ClientId} (MQTT 5, session present: {SessionPresent}, {Subscriptions} subscriptions, broker receive maximum {ReceiveMaximum})",
            _options.Host, _options.Port, ClientId, result.IsSessionPresent, restore.Count, result.ReceiveMaximum);
    }

    /// <summary>After a failure half-way (e.g. connected but the SUBSCRIBE failed), drop the socket before trying again.</summary>
    private async Task CloseQuietlyAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogDebug(ex, "Closing the MQTT connection to {Host}:{Port} before reconnecting failed", _options.Host, _options.Port);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            if (_disposed == 0)
            {
                _logger.LogWarning("MQTT connection to {Host}:{Port} lost: {Reason} {Error}", _options.Host, _options.Port, e.Reason, e.Exception?.GetBaseException().Message);
            }

            Volatile.Read(ref _lost).TrySetResult();
        }

        return Task.CompletedTask;
    }

    /// <summary>Subscribes wait for the next connect; the send loop parks; QoS 0 messages not yet acknowledged fail.</summary>
    private void ConnectionLost()
    {
        lock (_subscriptionsGate)
        {
            _connectedSession = 0;
        }

        PauseSending();
        if (_state is MqttConnectionState.Connected or MqttConnectionState.Connecting)
        {
            SetState(MqttConnectionState.Disconnected);
        }

        foreach (var pending in _unacknowledged.Values)
        {
            if (pending.Qos == MqttQos.AtMostOnce && pending.Session != 0)
            {
                _unacknowledged.TryRemove(pending.Sequence, out _);
                pending.Fail(new MqttException($"The connection dropped before the QoS 0 message to '{pending.Message.Topic}' was written"));
            }
        }
    }

    /// <summary>Exponential backoff from ReconnectDelayMin to ReconnectDelayMax with ±20 % jitter.</summary>
    private TimeSpan NextDelay()
    {
        var attempt = Math.Min(Interlocked.Increment(ref _failedAttempts) - 1, 20);
        var ticks = Math.Min(_options.ReconnectDelayMin.Ticks * Math.Pow(2, attempt), _options.ReconnectDelayMax.Ticks);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromTicks((long)Math.Min(ticks * jitter, _options.ReconnectDelayMax.Ticks));
    }
}
