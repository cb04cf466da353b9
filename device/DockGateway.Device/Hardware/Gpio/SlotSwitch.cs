using System.Device.Gpio;
using System.Threading.Channels;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// A slot's seat switch (closed to ground when a recorder is seated: pull-up, active low), debounced:
/// after an edge the line must stay quiet for the debounce time before its level counts.
/// Edges come from the driver's callback (<see cref="GpioController.RegisterCallbackForPinValueChangedEvent"/>)
/// into a channel; nothing here polls the level or calls <c>WaitForEvent</c>, which LibGpiodDriver
/// implements as a 1 ms sleep loop.
/// </summary>
public sealed class SlotSwitch(GpioController gpio, int pin, TimeSpan debounce, TimeProvider time)
{
    private readonly Channel<PinEventTypes> _edges = Channel.CreateUnbounded<PinEventTypes>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Whether a recorder is seated now (the line is low).</summary>
    public bool IsSeated => gpio.Read(pin) == PinValue.Low;

    /// <summary>Opens the line (pull-up), then calls <paramref name="changed"/> with each new debounced seat state until cancelled.</summary>
    public async Task RunAsync(Action<bool> changed, CancellationToken cancellationToken)
    {
        gpio.OpenPin(pin, PinMode.InputPullUp);
        gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
        try
        {
            var seated = IsSeated;
            while (await _edges.Reader.WaitToReadAsync(cancellationToken))
            {
                Drain();
                while (await EdgeWithinAsync(debounce, cancellationToken))
                {
                    Drain(); // bouncing: wait until the line has been quiet for the whole debounce time
                }

                var now = IsSeated;
                if (now != seated)
                {
                    seated = now;
                    changed(seated);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            gpio.UnregisterCallbackForPinValueChangedEvent(pin, OnEdge);
            gpio.ClosePin(pin);
        }
    }

    /// <summary>Called on the driver's event thread: hands the edge over and returns at once.</summary>
    private void OnEdge(object sender, PinValueChangedEventArgs e) => _edges.Writer.TryWrite(e.ChangeType);

    private void Drain()
    {
        while (_edges.Reader.TryRead(out _))
        {
        }
    }

    private async Task<bool> EdgeWithinAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        using var quiet = new CancellationTokenSource(window, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(quiet.Token, cancellationToken);
        try
        {
            return await _edges.Reader.WaitToReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
