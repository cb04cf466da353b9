using System.Threading.Channels;

namespace DockGateway.Device.Status;

/// <summary>
/// The latest payload of each retained topic (status, slots). Setting a topic replaces what was
/// waiting for it: however many updates arrive while the broker is away or a publish is pending,
/// only the latest is sent. After every (re)connect all topics are sent again, which also overwrites
/// an offline will the broker may have published meanwhile.
/// </summary>
public sealed class RetainedTopics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]> _latest = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set(string topic, byte[] payload)
    {
        lock (_gate)
        {
            _latest[topic] = payload;
            _dirty.Add(topic);
        }

        _changed.Writer.TryWrite(true);
    }

    public byte[]? Latest(string topic)
    {
        lock (_gate)
        {
            return _latest.GetValueOrDefault(topic);
        }
    }

    /// <summary>Marks every known topic to be sent again (after a reconnect).</summary>
    public void MarkAllDirty()
    {
        lock (_gate)
        {
            _dirty.UnionWith(_latest.Keys);
        }

        _changed.Writer.TryWrite(true);
    }

    /// <summary>The topics changed since the last call, each with its latest payload.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> TakeDirty()
    {
        lock (_gate)
        {
            var dirty = _dirty.Select(t => new KeyValuePair<string, byte[]>(t, _latest[t])).ToList();
            _dirty.Clear();
            return dirty;
        }
    }

    /// <summary>Puts topics back as dirty unless a newer payload replaced them meanwhile (a publish failed).</summary>
    public void Restore(IEnumerable<KeyValuePair<string, byte[]>> unsent)
    {
        lock (_gate)
        {
            foreach (var (topic, payload) in unsent)
            {
                if (ReferenceEquals(_latest[topic], payload))
                {
                    _dirty.Add(topic);
                }
            }
        }
    }

    public async Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _changed.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // timed out
        }
    }
}
