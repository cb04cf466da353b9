namespace DockGateway.Shared.Storage;

/// <summary>
/// Data readable by the service's own user only (the dock's footage and logs, the cloud's database, footage,
/// partial uploads and keys): directories 0700 and files 0600, set when they are created so the umask cannot
/// widen them.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> and missing parents as 0700 directories (existing ones are left as they are).</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Creates <paramref name="path"/> empty as 0600 unless it exists (SQLite takes an empty file as a new database).</summary>
    public static void CreateFileIfMissing(string path)
    {
        try
        {
            using var created = new FileStream(path, Restrict(new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write }));
        }
        catch (IOException) when (File.Exists(path))
        {
            // already there: its mode is the operator's
        }
    }

    /// <summary><paramref name="options"/> with 0600 as the mode of a file they create.</summary>
    public static FileStreamOptions Restrict(FileStreamOptions options)
    {
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
