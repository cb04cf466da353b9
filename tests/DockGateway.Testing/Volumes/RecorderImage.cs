namespace DockGateway.Testing.Volumes;

/// <summary>
/// Recorder volumes as image files: FAT32 made with mkfs.vfat and filled with mtools; exFAT made with
/// mkfs.exfat and filled through a real exfat-fuse mount (root: through a loop device).
/// </summary>
public static class RecorderImage
{
    public const string MediaFolder = "DCIM/100MEDIA";

    /// <summary>The sample footage (two MP4s, a JPG and a WAV), as (source file, path on the volume).</summary>
    public static IReadOnlyList<(string Source, string VolumePath)> Footage() =>
        Directory.EnumerateFiles(RepoPaths.Footage)
            .Where(f => Path.GetFileName(f) != "SHA256SUMS")
            .Order(StringComparer.Ordinal)
            .Select(f => (f, $"{MediaFolder}/{Path.GetFileName(f)}"))
            .ToArray();

    public static string CreateFat32(string path, IEnumerable<(string Source, string VolumePath)> files, int sizeMegabytes = 40)
    {
        Allocate(path, sizeMegabytes);
        Tool.Run("mkfs.vfat", "-F", "32", "-n", "RECORDER", path);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, volumePath) in files)
        {
            var folder = Path.GetDirectoryName(volumePath)!.Replace('\\', '/');
            var prefix = string.Empty;
            foreach (var part in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                prefix = prefix.Length == 0 ? part : $"{prefix}/{part}";
                if (folders.Add(prefix))
                {
                    Tool.Run("mmd", "-i", path, $"::/{prefix}");
                }
            }

            Tool.Run("mcopy", "-i", path, source, $"::/{volumePath}");
        }

        return path;
    }

    /// <summary>Makes an exFAT image and copies the files in through exfat-fuse (needs root and /dev/fuse).</summary>
    public static string CreateExfat(string path, IEnumerable<(string Source, string VolumePath)> files, int sizeMegabytes = 40)
    {
        Allocate(path, sizeMegabytes);
        Tool.Run("mkfs.exfat", "-L", "RECORDER", path);
        WithExfatMounted(path, mountPoint =>
        {
            foreach (var (source, volumePath) in files)
            {
                var target = Path.Combine(mountPoint, volumePath);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        });
        return path;
    }

    /// <summary>The files on a FAT image (paths relative to its root), read with mtools.</summary>
    public static IReadOnlyList<string> ListFat(string path) =>
        Tool.Run("mdir", "-i", path, "-/", "-b", "::/")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.TrimStart(':').TrimStart('/'))
            .Where(l => l.Length > 0 && !l.EndsWith('/'))
            .ToArray();

    /// <summary>The files on an exFAT image, read through a fresh exfat-fuse mount.</summary>
    public static IReadOnlyList<string> ListExfat(string path)
    {
        IReadOnlyList<string> listed = [];
        WithExfatMounted(path, mountPoint => listed = Directory
            .EnumerateFiles(mountPoint, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(mountPoint, f))
            .Order(StringComparer.Ordinal)
            .ToArray());
        return listed;
    }

    private static void WithExfatMounted(string image, Action<string> use)
    {
        var mountPoint = Directory.CreateTempSubdirectory("dockgw-exfat-").FullName;
        var loop = Tool.Run("losetup", "--find", "--show", image).Trim();
        try
        {
            Tool.Run("mount.exfat-fuse", loop, mountPoint);
            try
            {
                use(mountPoint);
            }
            finally
            {
                Tool.Run("fusermount", "-u", mountPoint);
            }
        }
        finally
        {
            Detach(loop);
            Directory.Delete(mountPoint);
        }
    }

    /// <summary>exfat-fuse may still hold the loop device for a moment after unmounting.</summary>
    private static void Detach(string loop)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Tool.Run("losetup", "--detach", loop);
                return;
            }
            catch (InvalidOperationException) when (attempt < 100)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static void Allocate(string path, int sizeMegabytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.SetLength(sizeMegabytes * 1024L * 1024L);
    }
}
