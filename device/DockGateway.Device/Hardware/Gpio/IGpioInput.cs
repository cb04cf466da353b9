namespace DockGateway.Device.Hardware.Gpio;

/// <summary>An input line requested for both edges.</summary>
public interface IGpioInput : IDisposable
{
    int Pin { get; }

    bool Read();

    /// <summary>
    /// Blocks until an edge arrives, the timeout passes (null) or the token is cancelled. Waits on
    /// the kernel in short slices so cancellation is seen; never busy-waits.
    /// </summary>
    GpioEdge? WaitForEdge(TimeSpan timeout, CancellationToken cancellationToken);
}
