namespace DockGateway.Shared.Mqtt;

/// <summary>
/// Matches libmosquitto's acknowledgement callbacks to the tasks waiting on them by message id.
/// An acknowledgement can arrive on the network thread before the publishing thread has
/// registered its mid; such early acknowledgements are remembered and consumed on registration.
/// </summary>
internal sealed class MessageIdTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Pending> _pending = [];
    private readonly HashSet<int> _early = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Registers a mid just handed to libmosquitto; the task completes on its acknowledgement.</summary>
    public Task Register(int mid, MqttQos qos, Action? onSettled = null)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_early.Remove(mid))
            {
                _pending[mid] = new Pending(source, qos, onSettled);
                return source.Task;
            }
        }

        onSettled?.Invoke();
        source.SetResult();
        return source.Task;
    }

    /// <summary>Called from the acknowledgement callback.</summary>
    public void Complete(int mid)
    {
        Pending? pending;
        lock (_gate)
        {
            if (!_pending.Remove(mid, out pending))
            {
                _early.Add(mid);
                return;
            }
        }

        pending.OnSettled?.Invoke();
        pending.Source.TrySetResult();
    }

    /// <summary>Fails every pending entry matching <paramref name="which"/> (all when null).</summary>
    public void FailAll(Func<MqttQos, bool>? which, Func<Exception> error)
    {
        List<Pending> failed;
        lock (_gate)
        {
            failed = [.. _pending.Where(p => which is null || which(p.Value.Qos)).Select(p => p.Value)];
            foreach (var mid in _pending.Where(p => which is null || which(p.Value.Qos)).Select(p => p.Key).ToList())
            {
                _pending.Remove(mid);
            }

            if (which is null)
            {
                _early.Clear();
            }
        }

        foreach (var pending in failed)
        {
            pending.OnSettled?.Invoke();
            pending.Source.TrySetException(error());
        }
    }

    private sealed record Pending(TaskCompletionSource Source, MqttQos Qos, Action? OnSettled);
}
