using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MosquittoNative = DockGateway.Shared.Interop.Interop.Mosquitto;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// libmosquitto's callbacks. They run on our network thread; each copies what it needs, hands it on,
/// and catches everything: an exception escaping an UnmanagedCallersOnly method ends the process.
/// </summary>
public sealed unsafe partial class MqttConnection
{
    private void SetCallbacks()
    {
        MosquittoNative.mosquitto_connect_callback_set(_mosq, &OnConnect);
        MosquittoNative.mosquitto_disconnect_callback_set(_mosq, &OnDisconnect);
        MosquittoNative.mosquitto_publish_callback_set(_mosq, &OnPublish);
        MosquittoNative.mosquitto_subscribe_callback_set(_mosq, &OnSubscribe);
        MosquittoNative.mosquitto_message_callback_set(_mosq, &OnMessage);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            MosquittoNative.mosquitto_log_callback_set(_mosq, &OnLog);
        }
    }

    private static MqttConnection? From(nint obj) =>
        obj == 0 ? null : GCHandle.FromIntPtr(obj).Target as MqttConnection;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnConnect(nint mosq, nint obj, int rc)
    {
        try
        {
            From(obj)?.Connected(rc);
        }
        catch (Exception ex)
        {
            From(obj)?._logger.LogError(ex, "MQTT connect callback failed");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDisconnect(nint mosq, nint obj, int rc)
    {
        try
        {
            var self = From(obj);
            if (self is not null)
            {
                if (rc != 0 && !self._disconnecting)
                {
                    self._logger.LogWarning("MQTT connection to {Host}:{Port} dropped: {Error}", self._options.Host, self._options.Port, MosquittoNative.ErrorText(rc));
                }

                self.ConnectionLost();
            }
        }
        catch
        {
            // Nothing may escape into native code.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPublish(nint mosq, nint obj, int mid)
    {
        try
        {
            From(obj)?._publishes.Complete(mid);
        }
        catch
        {
            // Nothing may escape into native code.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnSubscribe(nint mosq, nint obj, int mid, int qosCount, int* grantedQos)
    {
        try
        {
            From(obj)?._subscribes.Complete(mid);
        }
        catch
        {
            // Nothing may escape into native code.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(nint mosq, nint obj, MosquittoNative.mosquitto_message* message)
    {
        try
        {
            var self = From(obj);
            if (self is null || message is null)
            {
                return;
            }

            // Topic and payload are valid only during this call: copy both out.
            var topic = Marshal.PtrToStringUTF8(message->topic) ?? string.Empty;
            var payload = message->payloadlen > 0
                ? new ReadOnlySpan<byte>((void*)message->payload, message->payloadlen).ToArray()
                : [];
            self._messages.Writer.TryWrite(new MqttMessage(topic, payload, (MqttQos)message->qos, message->retain != 0));
        }
        catch
        {
            // Nothing may escape into native code.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(nint mosq, nint obj, int level, byte* text)
    {
        try
        {
            From(obj)?._logger.LogTrace("libmosquitto [{Level}] {Text}", level, Marshal.PtrToStringUTF8((nint)text));
        }
        catch
        {
            // Nothing may escape into native code.
        }
    }

    private void Connected(int rc)
    {
        if (rc != 0)
        {
            _logger.LogError("MQTT broker {Host}:{Port} refused the connection: {Reason}", _options.Host, _options.Port, MosquittoNative.ConnackText(rc));
            return;
        }

        Interlocked.Exchange(ref _failedAttempts, 0);
        // Resend and mark connected under the subscriptions lock: a SubscribeAsync either lands before this
        // (and is sent here) or sees the connection up (and sends it itself); none can fall in between.
        // A clean session forgets subscriptions: send them again on every connect. With a persistent
        // session the broker still has them and a repeat SUBSCRIBE just replaces each (and replays
        // retained messages), which is harmless. Messages the broker queued while we were away may
        // arrive before the SUBACKs; OnMessage takes them like any other (libmosquitto acknowledges
        // incoming QoS 1 itself, under the broker's message ids, apart from our publish/subscribe mids).
        // mosquitto_subscribe only queues the packet, so the lock is held briefly.
        int count;
        lock (_subscriptionsGate)
        {
            count = _subscriptions.Count;
            foreach (var (filter, qos) in _subscriptions)
            {
                var subRc = MosquittoNative.mosquitto_subscribe(_mosq, out var mid, filter, (int)qos);
                if (subRc == MosquittoNative.MOSQ_ERR_SUCCESS)
                {
                    _ = _subscribes.Register(mid, qos);
                }
                else
                {
                    _logger.LogError("MQTT resubscribe to {Filter} failed: {Error}", filter, MosquittoNative.ErrorText(subRc));
                }
            }

            SetState(MqttConnectionState.Connected);
        }

        _logger.LogInformation("MQTT connected to {Host}:{Port} as {ClientId} ({Subscriptions} subscriptions)", _options.Host, _options.Port, ClientId, count);
    }
}
