namespace DockGateway.Device;

/// <summary>Section "Dock:Simulation": folders standing in for USB slots (see the README's simulation contract).</summary>
public sealed class SimulationOptions
{
    /// <summary>Dock:Simulation:Root (--simulate) — the folder holding slots/&lt;n&gt;/; empty means no simulation.</summary>
    public string? Root { get; set; }

    /// <summary>Dock:Simulation:PollInterval — how often the slot folders are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public bool Enabled => !string.IsNullOrWhiteSpace(Root);
}
