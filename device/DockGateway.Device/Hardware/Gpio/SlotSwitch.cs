namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// A slot's seat switch (closed to ground when a recorder is seated: pull-up, active low), debounced:
/// after an edge the line must stay quiet for the debounce time before its level counts.
/// Waits on the kernel for edges with a timeout; never polls the level in a loop.
/// </summary>
public sealed class SlotSwitch(IGpioInput input, TimeSpan debounce)
{
    private static readonly TimeSpan s_idleWait = TimeSpan.FromSeconds(1);

    /// <summary>Whether a recorder is seated now (the line is low).</summary>
    public bool IsSeated => !input.Read();

    /// <summary>Calls <paramref name="changed"/> with the new debounced seat state until cancelled. Blocking: run on its own thread.</summary>
    public void Run(Action<bool> changed, CancellationToken cancellationToken)
    {
        var seated = IsSeated;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (input.WaitForEdge(s_idleWait, cancellationToken) is null)
            {
                continue;
            }

            while (!cancellationToken.IsCancellationRequested && input.WaitForEdge(debounce, cancellationToken) is not null)
            {
                // bouncing: wait until the line has been quiet for the whole debounce time
            }

            var now = IsSeated;
            if (now != seated && !cancellationToken.IsCancellationRequested)
            {
                seated = now;
                changed(seated);
            }
        }
    }
}
