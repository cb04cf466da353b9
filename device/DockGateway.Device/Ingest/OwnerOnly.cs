namespace DockGateway.Device.Ingest;

/// <summary>Dock storage is readable by the service account only: folders 0700, files 0600.</summary>
public static class OwnerOnly
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the dock runs on Linux only");
        }

        Directory.CreateDirectory(path, DirectoryMode);
    }

    public static FileStreamOptions Restrict(FileStreamOptions options)
    {
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
