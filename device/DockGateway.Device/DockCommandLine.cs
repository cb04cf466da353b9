namespace DockGateway.Device;

/// <summary>The dock's command-line switches and the configuration keys they set.</summary>
public static class DockCommandLine
{
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--simulate"] = "Dock:Simulation:Root",
        ["--data"] = "Dock:DataDirectory",
        ["--dock-id"] = "Dock:DockId",
        ["--agency"] = "Dock:Agency",
        ["--origin"] = "Dock:Origin",
    };
}
