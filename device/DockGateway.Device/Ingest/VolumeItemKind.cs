namespace DockGateway.Device.Ingest;

/// <summary>What the walk of a recorder volume found at a path.</summary>
public enum VolumeItemKind
{
    /// <summary>A regular file: a candidate for ingest.</summary>
    File,
    Symlink,
    DeviceFile,
    Fifo,
    Socket,
    /// <summary>A directory deeper than the configured maximum: not entered.</summary>
    TooDeep,
    /// <summary>A path longer than the configured maximum: not opened.</summary>
    PathTooLong,
    /// <summary>The walk stopped: the volume holds more entries than the configured maximum.</summary>
    LimitReached,
    /// <summary>A directory or file that could not be read.</summary>
    Unreadable,
}
