namespace DockGateway.Device.Hardware;

/// <summary>One slot: the USB port path its cable reaches (1-1.3) and the GPIO lines wired to it.</summary>
public sealed class SlotWiring
{
    public int Slot { get; set; }

    /// <summary>USB port path as in sysfs (bus-port.port…), learnt with <c>dockctl slots learn</c>.</summary>
    public string Port { get; set; } = string.Empty;

    /// <summary>Seat switch input (closed to ground when seated: pull-up, active low).</summary>
    public int? SwitchPin { get; set; }

    public int? GreenLedPin { get; set; }

    public int? RedLedPin { get; set; }
}
