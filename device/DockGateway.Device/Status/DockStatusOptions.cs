namespace DockGateway.Device.Status;

/// <summary>
/// Where and how the dock reports its status. <see cref="Agency"/>, <see cref="DockId"/> and
/// <see cref="DataDirectory"/> come from the <c>Dock</c> section (shared with the rest of the dock);
/// the rest from <c>Mqtt:Status</c>.
/// </summary>
public sealed class DockStatusOptions
{
    public const string DockSection = "Dock";
    public const string Section = "Mqtt:Status";

    /// <summary>Dock:Agency — second topic level after the root.</summary>
    public string Agency { get; set; } = "agency";

    /// <summary>Dock:DockId — third topic level.</summary>
    public string DockId { get; set; } = "dock-1";

    /// <summary>Dock:DataDirectory — outbox.db lives here; its free space is reported.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>Mqtt:Status:Enabled — false leaves MQTT out entirely (no broker configured).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Mqtt:Status:TopicRoot — the fixed prefix, versioned with the payloads.</summary>
    public string TopicRoot { get; set; } = "dockgateway/v1";

    /// <summary>Mqtt:Status:Interval — how often the status (uptime, disk, queues) is refreshed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Mqtt:Status:Coalesce — retained updates within this window are merged: only the latest is sent.</summary>
    public TimeSpan Coalesce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Mqtt:Status:KeepSentEvents — sent outbox rows older than this are pruned.</summary>
    public TimeSpan KeepSentEvents { get; set; } = TimeSpan.FromDays(7);

    public string OutboxPath => Path.Combine(DataDirectory, "outbox.db");
}
