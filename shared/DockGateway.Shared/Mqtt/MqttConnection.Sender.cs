using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// The send loop. While connected it hands each accepted message to MQTTnet without waiting for the one
/// before (MQTTnet matches the PUBACKs), within the in-flight limit; after a reconnect it first resends,
/// in order, what an earlier connection left unacknowledged.
/// </summary>
public sealed partial class MqttConnection
{
    private SemaphoreSlim _sessionLimit = new(1);

    private async Task SendAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await WaitUntilConnectedAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var session = Volatile.Read(ref _session);
            var ended = Volatile.Read(ref _sessionEnded);
            var limit = Volatile.Read(ref _sessionLimit);
            CancellationToken token;
            try
            {
                token = ended.Token;
            }
            catch (ObjectDisposedException)
            {
                continue; // that connection is over already
            }

            try
            {
                foreach (var pending in _unacknowledged.Values.Where(p => p.Session != 0 && p.Session != session).OrderBy(p => p.Sequence).ToList())
                {
                    await SendOneAsync(pending, session, limit, token);
                }

                while (await _outgoing.Reader.WaitToReadAsync(token))
                {
                    while (_outgoing.Reader.TryRead(out var pending))
                    {
                        await SendOneAsync(pending, session, limit, token);
                    }
                }

                return; // the writer completed: disposing
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested || stop.IsCancellationRequested)
            {
                // this connection ended: wait for the next
            }
        }
    }

    private async Task SendOneAsync(PendingPublish pending, int session, SemaphoreSlim limit, CancellationToken token)
    {
        if (pending.IsSettled || pending.Session == session)
        {
            return; // settled meanwhile, or already sent on this connection (resent by a late failure)
        }

        await limit.WaitAsync(token);
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

        _ = publish.ContinueWith(
            (t, state) => Published(t, (PendingPublish)state!, session, limit),
            pending,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Published(Task<MqttClientPublishResult> publish, PendingPublish pending, int session, SemaphoreSlim limit)
    {
        limit.Release();
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

            return;
        }

        var error = publish.Exception?.GetBaseException();
        if (pending.Qos == MqttQos.AtMostOnce || _disposed != 0 || error is MqttProtocolViolationException or ArgumentException or NotSupportedException)
        {
            _unacknowledged.TryRemove(pending.Sequence, out _);
            pending.Fail(new MqttException($"Publishing to '{pending.Message.Topic}' failed: {error?.Message}"));
            return;
        }

        // QoS 1/2 lost with its connection: the next connection's resend pass takes it. If that pass may
        // already have run (a newer connection exists), queue it again so it cannot be left behind.
        if (pending.Session == session && Volatile.Read(ref _session) != session)
        {
            _outgoing.Writer.TryWrite(pending);
        }
    }
}
