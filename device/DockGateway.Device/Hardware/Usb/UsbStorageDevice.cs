namespace DockGateway.Device.Hardware.Usb;

/// <summary>A USB mass-storage disk (sdX) with the USB device it hangs off and its partitions.</summary>
/// <param name="BlockName">The kernel's block device name, sda.</param>
/// <param name="DiskNode">The /dev node of the whole disk.</param>
/// <param name="PartitionNodes">The /dev nodes of its partitions in order (sda1, sda2 …); empty for a superfloppy.</param>
/// <param name="IsReadOnly">sysfs says the medium is write-protected (ro = 1).</param>
public sealed record UsbStorageDevice(
    string BlockName,
    UsbDeviceInfo Usb,
    string DiskNode,
    IReadOnlyList<string> PartitionNodes,
    bool IsReadOnly)
{
    /// <summary>Where to look for the volume: each partition, then the whole disk (cameras often have no partition table).</summary>
    public IEnumerable<string> VolumeCandidates => PartitionNodes.Append(DiskNode);
}
