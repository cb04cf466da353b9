namespace DockGateway.Testing.Volumes;

/// <summary>A private temporary directory removed (after unmounting anything left under it) at dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = Directory.CreateTempSubdirectory("dockgw-hw-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        foreach (var line in File.ReadAllLines("/proc/self/mountinfo").Reverse())
        {
            var mountPoint = line.Split(' ')[4];
            if (mountPoint.StartsWith(Path + "/", StringComparison.Ordinal))
            {
                try
                {
                    Tool.Run("umount", "-l", mountPoint);
                }
                catch (InvalidOperationException)
                {
                }
            }
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
