namespace DockGateway.Testing.Processes;

/// <summary>
/// The built product assemblies of the configuration this code was built in (Debug or Release), which
/// tests and benchmarks run as child processes with <c>dotnet exec</c>.
/// </summary>
public static class BuiltProducts
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>
    /// device/DockGateway.Device's DockGateway.Device.dll; throws when it is not built. <c>DOCKGW_DEVICE_DLL</c>
    /// names another build instead (the ingest benchmark's before/after comparison in the same run).
    /// </summary>
    public static string Device => Environment.GetEnvironmentVariable("DOCKGW_DEVICE_DLL") is { Length: > 0 } other ? other : Dll("device", "DockGateway.Device");

    /// <summary>cloud/DockGateway.Cloud's DockGateway.Cloud.dll; throws when it is not built.</summary>
    public static string Cloud => Dll("cloud", "DockGateway.Cloud");

    /// <summary>provisioning/DockGateway.Provisioning's dockctl.dll; throws when it is not built.</summary>
    public static string Dockctl => Dll("provisioning", "DockGateway.Provisioning", "dockctl");

    private static string Dll(string folder, string project, string? assembly = null)
    {
        var dll = Path.Combine(RepoPaths.Root, folder, project, "bin", Configuration, "net10.0", (assembly ?? project) + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project} is not built ({Configuration}): {dll} is missing", dll);
    }
}
