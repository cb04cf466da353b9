namespace DockGateway.Integration.Tests.Packaging;

/// <summary>
/// What installing a DockGateway package may change on this machine: dpkg's status of the package, users and groups,
/// and the paths it owns or creates. Taken before a test and compared after, so a test leaves the machine as found.
/// </summary>
internal sealed record MachineSnapshot(string Status, string Users, string Groups, string Paths, bool HasWantsDirectory)
{
    public static MachineSnapshot Take(string package) => new(
        Dpkg.Status(package),
        string.Join('\n', File.ReadAllLines("/etc/passwd").Order(StringComparer.Ordinal)),
        string.Join('\n', File.ReadAllLines("/etc/group").Order(StringComparer.Ordinal)),
        string.Join('\n', PathsOf(package).Where(p => File.Exists(p) || Directory.Exists(p) || IsLink(p))),
        Directory.Exists(WantsDirectory));

    /// <summary>Where <c>systemctl enable</c> links a multi-user service (a test makes one; absent where systemd is not installed).</summary>
    public const string WantsDirectory = "/etc/systemd/system/multi-user.target.wants";

    /// <summary>Every path the package installs or its scripts create (its enablement links included).</summary>
    public static IReadOnlyList<string> PathsOf(string package) =>
    [
        $"/usr/lib/{package}", $"/etc/{package}", $"/var/lib/{package}", $"/lib/systemd/system/{package}.service",
        $"/usr/share/doc/{package}", "/usr/bin/dockctl", $"{WantsDirectory}/{package}.service",
    ];

    /// <summary>Fails, naming what is there, unless the package is absent from this machine: a test never touches a real installation.</summary>
    public void AssertPristine(string package)
    {
        if (Status.Length > 0 || Paths.Length > 0 || Users.Split('\n').Any(u => u.StartsWith(package + ":", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                $"this machine already has {package} (dpkg: '{Status}'; paths: {Paths}): the test installs and purges it, so it will not run here");
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}
