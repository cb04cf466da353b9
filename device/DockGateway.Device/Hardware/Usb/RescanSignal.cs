using System.Threading.Channels;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>Wakes the USB slot source early: a uevent arrived or a slot switch moved. Requests coalesce.</summary>
public sealed class RescanSignal
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>Returns when a rescan was requested or <paramref name="timeout"/> passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, wait.Token);
        var request = _requests.Reader.WaitToReadAsync(wait.Token).AsTask();
        await Task.WhenAny(delay, request);
        await wait.CancelAsync();
        _requests.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
