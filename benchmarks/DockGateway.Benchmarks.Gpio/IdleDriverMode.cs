namespace DockGateway.Benchmarks.Gpio;

/// <summary>What stands in for the chip's driver while the dock's GPIO code idles.</summary>
public enum IdleDriverMode
{
    /// <summary>No GPIO services started at all: the idle floor of the .NET process itself.</summary>
    Baseline,

    /// <summary>No driver threads: only the dock's own code (switch monitor, LED renderer) is measured.</summary>
    Fake,

    /// <summary>
    /// A model of LibGpiodDriver 4.2.0's edge loop: per watched line, a thread-pool task that waits
    /// in the kernel with a 50 ms timeout (gpiod_line_event_wait), here a poll(2) on an idle socket.
    /// </summary>
    LibgpiodModel,

    /// <summary>A model of LibGpiodV2Driver 4.2.0's observer: one thread per line request waiting 100 ms at a time.</summary>
    LibgpiodV2Model,

    /// <summary>
    /// LibgpiodModel plus what LibGpiodDriver.WaitForEvent adds while it waits: a Thread.Sleep(1) loop
    /// per line. The path the dock avoids; measured to show why.
    /// </summary>
    WaitForEventModel,
}
