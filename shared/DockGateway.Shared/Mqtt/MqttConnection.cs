using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// <see cref="IMqttConnection"/> over MQTTnet's <see cref="IMqttClient"/> (MQTT 5). MQTTnet connects once
/// per call and keeps no offline queue, so this class adds what the dock and the cloud need: a connect
/// loop that retries with backoff from the very first attempt, subscriptions restored after every
/// connect, and a send queue that keeps QoS 1/2 messages until their acknowledgement, resending them on
/// the next connection when one is lost. Many publishes are in flight at once (up to
/// <see cref="MqttOptions.MaxQueuedMessages"/> and the broker's receive maximum).
/// </summary>
public sealed partial class MqttConnection : IMqttConnection
{
    private readonly MqttOptions _options;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly Channel<MqttMessage> _messages;
    private readonly Channel<MqttConnectionState> _stateEvents = Channel.CreateUnbounded<MqttConnectionState>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<long, PendingPublish> _unacknowledged = new();
    private readonly SemaphoreSlim _queueSlots;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _stateDispatch;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _run;
    private volatile MqttConnectionState _state = MqttConnectionState.Disconnected;
    private long _sequence;
    private long _droppedMessages;
    private int _disposed;

    public MqttConnection(MqttOptions options, ILogger<MqttConnection>? logger = null)
    {
        options.EnsureValid();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        ClientId = options.ClientId ?? $"dockgateway-{Guid.NewGuid():N}"[..23];
        _clientOptions = MqttClientOptionsFactory.Create(options, ClientId);
        _queueSlots = new SemaphoreSlim(options.MaxQueuedMessages, options.MaxQueuedMessages);
        _messages = Channel.CreateBounded<MqttMessage>(
            new BoundedChannelOptions(options.MaxReceivedMessages) { FullMode = BoundedChannelFullMode.DropWrite, SingleWriter = true },
            dropped =>
            {
                Interlocked.Increment(ref _droppedMessages);
                _ = dropped.AcknowledgeAsync(CancellationToken.None); // dropped and counted, as before: nothing will handle it
            });
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _stateDispatch = Task.Run(DispatchStateChangesAsync);
    }

    public string ClientId { get; }

    public MqttConnectionState State => _state;

    public bool IsConnected => _state == MqttConnectionState.Connected;

    public ChannelReader<MqttMessage> Messages => _messages.Reader;

    /// <summary>Messages the broker sent that were dropped because the reader fell behind.</summary>
    public long DroppedMessages => Interlocked.Read(ref _droppedMessages);

    /// <summary>Messages accepted by <see cref="PublishAsync"/> and not yet settled (acknowledged or failed).</summary>
    public int PendingDeliveries => _options.MaxQueuedMessages - _queueSlots.CurrentCount;

    public event EventHandler<MqttConnectionState>? StateChanged;

    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        lock (_stop)
        {
            _run ??= Task.Run(RunAsync);
        }
    }

    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _connected).Task.WaitAsync(cancellationToken);

    public async ValueTask<MqttDelivery> PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (MqttTopic.PublishError(topic) is { } topicError)
        {
            throw new ArgumentException($"Topic {topicError}", nameof(topic));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)qos, 2, nameof(qos));
        ArgumentOutOfRangeException.ThrowIfNegative((int)qos, nameof(qos));
        if (qos == MqttQos.AtMostOnce && !IsConnected)
        {
            throw new MqttException($"Publishing to '{topic}' failed: not connected, and a QoS 0 message is not queued");
        }

        await _queueSlots.WaitAsync(cancellationToken);
        var message = new MqttApplicationMessage
        {
            Topic = topic,
            Payload = new ReadOnlySequence<byte>(payload.ToArray()), // the caller may reuse its buffer
            QualityOfServiceLevel = (MqttQualityOfServiceLevel)qos,
            Retain = retain,
        };
        var pending = new PendingPublish(Interlocked.Increment(ref _sequence), message, qos, () => _queueSlots.Release());
        _unacknowledged[pending.Sequence] = pending;
        Submit(pending);

        return new MqttDelivery(pending.Sequence, pending.Completion);
    }

    /// <summary>
    /// Orderly shutdown: DISCONNECT with reason 0 (so the broker does not publish the will), stop the
    /// connect loop, then fail what the broker has not acknowledged.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.NormalDisconnection }, timeout.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogDebug(ex, "MQTT DISCONNECT to {Host}:{Port} failed; closing the socket", _options.Host, _options.Port);
            }
        }

        await (_run ?? Task.CompletedTask);
        PauseSending();

        var closed = new MqttException("The MQTT connection was disposed before the broker acknowledged the message");
        foreach (var pending in _unacknowledged.Values)
        {
            pending.Fail(closed);
        }

        _unacknowledged.Clear();
        SetState(MqttConnectionState.Closed);
        _messages.Writer.TryComplete();
        _stateEvents.Writer.TryComplete();
        await _stateDispatch;
        _client.Dispose();
        _stop.Dispose();
        _queueSlots.Dispose();
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        // MQTTnet may reuse its buffers after this returns: copy the payload out. The reader acknowledges it once handled.
        var message = e.ApplicationMessage;
        e.AutoAcknowledge = false;
        _messages.Writer.TryWrite(new MqttMessage(message.Topic, message.Payload.ToArray(), (MqttQos)message.QualityOfServiceLevel, message.Retain)
        {
            Acknowledgement = e.AcknowledgeAsync,
        });
        return Task.CompletedTask;
    }

    private void SetState(MqttConnectionState state)
    {
        if (_state == state)
        {
            return;
        }

        _state = state;
        if (state == MqttConnectionState.Connected)
        {
            Volatile.Read(ref _connected).TrySetResult();
        }
        else if (_connected.Task.IsCompleted)
        {
            Volatile.Write(ref _connected, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        _stateEvents.Writer.TryWrite(state);
    }

    private async Task DispatchStateChangesAsync()
    {
        await foreach (var state in _stateEvents.Reader.ReadAllAsync())
        {
            try
            {
                StateChanged?.Invoke(this, state);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "An MQTT state change handler failed for {State}", state);
            }
        }
    }
}
