using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// Sending, without a thread of its own: messages wait in an ordered queue, and whoever makes room
/// (a publisher adding one, a PUBACK freeing a place under the broker's receive maximum, a connect)
/// pumps the queue into MQTTnet on the spot. After a (re)connect what an earlier connection left
/// unacknowledged goes first, in order. Nobody waits for a PUBACK before sending the next message:
/// MQTTnet matches the acknowledgements to the publishes, many in flight at once.
/// </summary>
public sealed partial class MqttConnection
{
    private readonly Lock _sendGate = new();
    private readonly Queue<PendingPublish> _queue = new();

    /// <summary>The connection the queue is pumped into; 0 while not connected (under <see cref="_sendGate"/>).</summary>
    private int _pumpSession;

    /// <summary>The in-flight limit on <see cref="_pumpSession"/> (the broker's receive maximum), or null when the queue bound is tighter.</summary>
    private SemaphoreSlim? _pumpLimit;

    /// <summary>Queues <paramref name="pending"/> and sends what the connection can take.</summary>
    private void Submit(PendingPublish pending)
    {
        lock (_sendGate)
        {
            _queue.Enqueue(pending);
            Pump();
        }
    }

    /// <summary>Called by the connect loop once subscriptions are restored: resend the earlier connections' leftovers first.</summary>
    private void ResumeSending(int session, SemaphoreSlim? limit)
    {
        lock (_sendGate)
        {
            var resend = _unacknowledged.Values.Where(p => p.Session != 0 && p.Session != session && !p.IsSettled).OrderBy(p => p.Sequence).ToList();
            var waiting = _queue.Where(p => p.Session == 0).ToList();
            _queue.Clear();
            foreach (var pending in resend.Concat(waiting))
            {
                _queue.Enqueue(pending);
            }

            _pumpLimit = limit;
            _pumpSession = session;
            Pump();
        }
    }

    private void PauseSending()
    {
        lock (_sendGate)
        {
            _pumpSession = 0;
        }
    }

    private void Pump()
    {
        var session = _pumpSession;
        while (session != 0 && _queue.TryPeek(out var next))
        {
            if (next.IsSettled || next.Session == session)
            {
                _queue.Dequeue(); // settled meanwhile, or already sent on this connection
                continue;
            }

            if (_pumpLimit is { } limit && !limit.Wait(0))
            {
                return; // the broker's receive maximum is reached: the next PUBACK pumps again
            }

            _queue.Dequeue();
            Send(next, session, _pumpLimit);
            session = _pumpSession; // a synchronous failure may have paused sending
        }
    }

    private void Send(PendingPublish pending, int session, SemaphoreSlim? limit)
    {
        pending.Session = session;
        Task<MqttClientPublishResult> publish;
        try
        {
            publish = _client.PublishAsync(pending.Message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            publish = Task.FromException<MqttClientPublishResult>(ex);
        }

        if (publish.IsCompleted)
        {
            // Under the gate: settle on the thread pool, so no continuation of the delivery runs under it.
            ThreadPool.UnsafeQueueUserWorkItem(_ => Published(publish, pending, session, limit), null);
            return;
        }

        _ = publish.ContinueWith(
            (t, state) => Published(t, (PendingPublish)state!, session, limit),
            pending,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Published(Task<MqttClientPublishResult> publish, PendingPublish pending, int session, SemaphoreSlim? limit)
    {
        limit?.Release();
        if (publish.IsCompletedSuccessfully)
        {
            var result = publish.Result;
            _unacknowledged.TryRemove(pending.Sequence, out _);
            if (result.IsSuccess)
            {
                pending.Succeed();
            }
            else
            {
                _logger.LogError("MQTT broker refused the message to {Topic}: {Reason} {ReasonText}", pending.Message.Topic, result.ReasonCode, result.ReasonString);
                pending.Fail(new MqttException($"The broker refused the message to '{pending.Message.Topic}': {result.ReasonCode} {result.ReasonString}".TrimEnd(), (int)result.ReasonCode));
            }

            if (limit is not null)
            {
                lock (_sendGate)
                {
                    Pump();
                }
            }

            return;
        }

        var error = publish.Exception?.GetBaseException();
        if (pending.Qos == MqttQos.AtMostOnce || _disposed != 0 || error is MqttProtocolViolationException or ArgumentException or NotSupportedException)
        {
            _unacknowledged.TryRemove(pending.Sequence, out _);
            pending.Fail(new MqttException($"Publishing to '{pending.Message.Topic}' failed: {error?.Message}"));
            return;
        }

        // QoS 1/2 lost with its connection: the next connect resends it. If that connect may already have
        // gathered its resends (a newer connection exists), queue it again so it cannot be left behind.
        if (pending.Session == session && Volatile.Read(ref _session) != session)
        {
            lock (_sendGate)
            {
                _queue.Enqueue(pending);
                Pump();
            }
        }
    }
}
