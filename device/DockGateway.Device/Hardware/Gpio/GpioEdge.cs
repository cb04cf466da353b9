namespace DockGateway.Device.Hardware.Gpio;

/// <summary>An edge on an input line; <paramref name="Timestamp"/> is the kernel's monotonic time.</summary>
public readonly record struct GpioEdge(int Pin, bool Rising, TimeSpan Timestamp);
