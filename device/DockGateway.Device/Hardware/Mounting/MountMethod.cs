namespace DockGateway.Device.Hardware.Mounting;

/// <summary>How a volume is mounted (Dock:Hardware:Mount:Method).</summary>
public enum MountMethod
{
    /// <summary>The kernel when it has the filesystem and mount(2) is allowed, else FUSE.</summary>
    Auto,
    Kernel,
    Fuse,
}
