namespace DockGateway.Device.Hardware.Mounting;

/// <summary>The filesystems a recorder volume may carry; anything else is not mounted.</summary>
public enum FileSystemKind
{
    Unknown,
    Fat32,
    ExFat,
}
