using Microsoft.Extensions.Logging;
using MosquittoNative = DockGateway.Shared.Interop.Interop.Mosquitto;

namespace DockGateway.Shared.Mqtt;

/// <summary>The network thread: connect, run <c>mosquitto_loop</c>, and on any failure back off and reconnect.</summary>
public sealed partial class MqttConnection
{
    /// <summary>How long one <c>mosquitto_loop</c> call may wait, so a stop request is seen promptly.</summary>
    private const int LoopTimeoutMilliseconds = 200;

    private void RunLoop()
    {
        var socketOpen = false;
        var hostSet = false;
        while (!_stopping)
        {
            if (!socketOpen)
            {
                if (_disconnecting)
                {
                    break;
                }

                // The first connect_async stores host, port and keep-alive; after that reconnect_async
                // reuses them. Either may fail at once (refused, DNS): we retry, libmosquitto would not.
                var rc = hostSet
                    ? MosquittoNative.mosquitto_reconnect_async(_mosq)
                    : MosquittoNative.mosquitto_connect_async(_mosq, _options.Host, _options.Port, _options.KeepAliveSeconds);
                hostSet = true;
                if (rc != MosquittoNative.MOSQ_ERR_SUCCESS)
                {
                    var delay = NextDelay();
                    _logger.LogWarning("MQTT connect to {Host}:{Port} failed: {Error}; retrying in {Delay}", _options.Host, _options.Port, MosquittoNative.ErrorText(rc), delay);
                    WaitFor(delay);
                    continue;
                }

                socketOpen = true;
                SetState(MqttConnectionState.Connecting);
            }

            var loopRc = MosquittoNative.mosquitto_loop(_mosq, LoopTimeoutMilliseconds, 1);
            if (loopRc == MosquittoNative.MOSQ_ERR_SUCCESS)
            {
                continue;
            }

            socketOpen = false;
            ConnectionLost();
            if (_disconnecting || _stopping)
            {
                break;
            }

            var retry = NextDelay();
            _logger.LogWarning("MQTT connection to {Host}:{Port} lost: {Error}; reconnecting in {Delay}", _options.Host, _options.Port, MosquittoNative.ErrorText(loopRc), retry);
            WaitFor(retry);
        }

        ConnectionLost();
    }

    /// <summary>Exponential backoff from ReconnectDelayMin to ReconnectDelayMax with ±20 % jitter.</summary>
    private TimeSpan NextDelay()
    {
        var attempt = Math.Min(Interlocked.Increment(ref _failedAttempts) - 1, 20);
        var ticks = Math.Min(_options.ReconnectDelayMin.Ticks * Math.Pow(2, attempt), _options.ReconnectDelayMax.Ticks);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromTicks((long)Math.Min(ticks * jitter, _options.ReconnectDelayMax.Ticks));
    }

    private void WaitFor(TimeSpan delay)
    {
        _wake.Wait(delay);
        _wake.Reset();
    }

    /// <summary>QoS 0 messages not yet written are gone with the socket; QoS 1/2 stay queued for the next connection.</summary>
    private void ConnectionLost()
    {
        if (_state is MqttConnectionState.Connected or MqttConnectionState.Connecting)
        {
            SetState(MqttConnectionState.Disconnected);
        }

        _publishes.FailAll(q => q == MqttQos.AtMostOnce, () => new MqttException("The connection dropped before the QoS 0 message was written"));
        _subscribes.FailAll(null, () => new MqttException("The connection dropped before the broker acknowledged the subscription; it is resent on reconnect"));
    }
}
