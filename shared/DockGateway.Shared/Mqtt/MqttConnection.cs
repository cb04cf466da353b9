using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MosquittoNative = DockGateway.Shared.Interop.Interop.Mosquitto;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// <see cref="IMqttConnection"/> over libmosquitto. One network thread of our own runs
/// <c>mosquitto_loop</c> and does every (re)connect with backoff, because libmosquitto's own loop
/// thread gives up on a failed first connection and on DNS or TLS errors. Callbacks copy what they
/// receive and hand it to channels; nothing blocking ever runs on the network thread.
/// </summary>
public sealed partial class MqttConnection : IMqttConnection
{
    private readonly MqttOptions _options;
    private readonly ILogger _logger;
    private readonly MosquittoHandle _mosq;
    private readonly GCHandle _self;
    private readonly Channel<MqttMessage> _messages;
    private readonly Channel<MqttConnectionState> _stateEvents = Channel.CreateUnbounded<MqttConnectionState>(new() { SingleReader = true });
    private readonly Dictionary<string, MqttQos> _subscriptions = [];
    private readonly Lock _subscriptionsGate = new();
    private readonly MessageIdTracker _publishes = new();
    private readonly MessageIdTracker _subscribes = new();
    private readonly SemaphoreSlim _queueSlots;
    private readonly ManualResetEventSlim _wake = new();
    private readonly Task _stateDispatch;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _loopThread;
    private volatile MqttConnectionState _state = MqttConnectionState.Disconnected;
    private volatile bool _disconnecting;
    private volatile bool _stopping;
    private int _failedAttempts;
    private long _droppedMessages;
    private int _disposed;

    public MqttConnection(MqttOptions options, ILogger<MqttConnection>? logger = null)
    {
        options.EnsureValid();
        MosquittoLibrary.EnsureInitialized();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _queueSlots = new SemaphoreSlim(options.MaxQueuedMessages, options.MaxQueuedMessages);
        _messages = Channel.CreateBounded<MqttMessage>(
            new BoundedChannelOptions(options.MaxReceivedMessages) { FullMode = BoundedChannelFullMode.DropWrite, SingleWriter = true },
            _ => Interlocked.Increment(ref _droppedMessages));
        ClientId = options.ClientId ?? $"dockgateway-{Guid.NewGuid():N}"[..23];

        _self = GCHandle.Alloc(this, GCHandleType.Normal);
        _mosq = MosquittoNative.mosquitto_new(ClientId, options.CleanSession, GCHandle.ToIntPtr(_self));
        if (_mosq.IsInvalid)
        {
            _self.Free();
            throw new MqttException($"mosquitto_new failed for client id '{ClientId}' (out of memory or invalid id)");
        }

        MosquittoLibrary.ConnectionCreated();
        try
        {
            Configure();
        }
        catch
        {
            _mosq.Dispose();
            _self.Free();
            MosquittoLibrary.ConnectionDestroyed();
            throw;
        }

        _stateDispatch = Task.Run(DispatchStateChangesAsync);
    }

    public string ClientId { get; }

    public MqttConnectionState State => _state;

    public bool IsConnected => _state == MqttConnectionState.Connected;

    public ChannelReader<MqttMessage> Messages => _messages.Reader;

    /// <summary>Messages the broker sent that were dropped because the reader fell behind.</summary>
    public long DroppedMessages => Interlocked.Read(ref _droppedMessages);

    /// <summary>Messages handed to libmosquitto and not yet acknowledged.</summary>
    public int PendingDeliveries => _publishes.Count;

    public event EventHandler<MqttConnectionState>? StateChanged;

    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (Interlocked.CompareExchange(ref _loopThread, new Thread(RunLoop) { IsBackground = true, Name = $"mqtt {ClientId}" }, null) is null)
        {
            _loopThread.Start();
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
        await _queueSlots.WaitAsync(cancellationToken);
        var rc = MosquittoNative.mosquitto_publish(_mosq, out var mid, topic, payload.Length, payload.Span, (int)qos, retain);
        var queued = rc == MosquittoNative.MOSQ_ERR_SUCCESS || (rc == MosquittoNative.MOSQ_ERR_NO_CONN && qos != MqttQos.AtMostOnce);
        if (!queued)
        {
            _queueSlots.Release();
            throw new MqttException($"Publishing to '{topic}' failed: {MosquittoNative.ErrorText(rc)}", rc);
        }

        return new MqttDelivery(mid, _publishes.Register(mid, qos, () => _queueSlots.Release()));
    }

    public async Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (MqttTopic.FilterError(filter) is { } filterError)
        {
            throw new ArgumentException($"Subscription filter {filterError}", nameof(filter));
        }

        lock (_subscriptionsGate)
        {
            _subscriptions[filter] = qos;
            if (!IsConnected)
            {
                return; // the connect callback sends it: it copies the list and marks itself connected under this lock
            }
        }

        var rc = MosquittoNative.mosquitto_subscribe(_mosq, out var mid, filter, (int)qos);
        if (rc == MosquittoNative.MOSQ_ERR_NO_CONN)
        {
            return; // the connect callback sends it
        }

        if (rc != MosquittoNative.MOSQ_ERR_SUCCESS)
        {
            throw new MqttException($"Subscribing to '{filter}' failed: {MosquittoNative.ErrorText(rc)}", rc);
        }

        await _subscribes.Register(mid, qos).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Orderly shutdown: DISCONNECT (so the will is not published), stop our loop thread,
    /// <c>mosquitto_destroy</c>, then free the GCHandle. Unacknowledged deliveries fail.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_loopThread is { } thread)
        {
            _disconnecting = true;
            MosquittoNative.mosquitto_disconnect(_mosq);
            _wake.Set();
            var deadline = DateTime.UtcNow.AddSeconds(2);
            while (thread.IsAlive && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            _stopping = true;
            _wake.Set();
            await Task.Run(thread.Join);
        }

        _mosq.Dispose();
        _self.Free();
        MosquittoLibrary.ConnectionDestroyed();

        var closed = () => new MqttException("The MQTT connection was disposed before the broker acknowledged the message");
        _publishes.FailAll(null, closed);
        _subscribes.FailAll(null, closed);
        SetState(MqttConnectionState.Closed);
        _messages.Writer.TryComplete();
        _stateEvents.Writer.TryComplete();
        await _stateDispatch;
        _wake.Dispose();
        _queueSlots.Dispose();
    }

    private void Configure()
    {
        Check(MosquittoNative.mosquitto_threaded_set(_mosq, true), "mosquitto_threaded_set");
        if (_options.Username is not null)
        {
            Check(MosquittoNative.mosquitto_username_pw_set(_mosq, _options.Username, _options.Password), "Mqtt:Username/Password");
        }

        if (_options.CaFile is not null)
        {
            Check(MosquittoNative.mosquitto_tls_set(_mosq, _options.CaFile, null, _options.CertFile, _options.KeyFile, 0), "Mqtt:CaFile/CertFile/KeyFile");
        }

        if (_options.Will is { } will)
        {
            Check(MosquittoNative.mosquitto_will_set(_mosq, will.Topic, will.Payload.Length, will.Payload, (int)will.Qos, will.Retain), "Mqtt:Will");
        }

        SetCallbacks();
    }

    private static void Check(int rc, string what)
    {
        if (rc != MosquittoNative.MOSQ_ERR_SUCCESS)
        {
            throw new MqttException($"{what} rejected by libmosquitto: {MosquittoNative.ErrorText(rc)}", rc);
        }
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
