namespace DockGateway.Integration.Tests.Packaging;

/// <summary>Puts the machine back as a <see cref="MachineSnapshot"/> found it, whatever step a test failed at.</summary>
internal static class PackageCleanup
{
    public static void Restore(string package, MachineSnapshot before)
    {
        if (Dpkg.Status(package).Length > 0 && before.Status.Length == 0)
        {
            HostCommand.Run(["dpkg", "--purge", package]);
        }

        foreach (var path in MachineSnapshot.PathsOf(package).Where(p => !before.Paths.Split('\n').Contains(p)))
        {
            if (new FileInfo(path).LinkTarget is not null || File.Exists(path))
            {
                File.Delete(path);
            }
            else if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        if (!before.HasWantsDirectory && Directory.Exists(MachineSnapshot.WantsDirectory) && !Directory.EnumerateFileSystemEntries(MachineSnapshot.WantsDirectory).Any())
        {
            Directory.Delete(MachineSnapshot.WantsDirectory);
        }

        if (!before.Users.Split('\n').Any(u => u.StartsWith(package + ":", StringComparison.Ordinal))
            && File.ReadAllLines("/etc/passwd").Any(u => u.StartsWith(package + ":", StringComparison.Ordinal)))
        {
            HostCommand.Run(["userdel", package]);
        }

        if (!before.Groups.Split('\n').Any(g => g.StartsWith(package + ":", StringComparison.Ordinal))
            && File.ReadAllLines("/etc/group").Any(g => g.StartsWith(package + ":", StringComparison.Ordinal)))
        {
            HostCommand.Run(["groupdel", package]);
        }
    }
}
