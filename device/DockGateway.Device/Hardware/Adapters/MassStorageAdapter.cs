using System.Globalization;
using DockGateway.Device.Hardware.Usb;
using DockGateway.Device.Slots;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>A recorder that shows up as plain USB mass storage: identity from its descriptors, no clock access.</summary>
public sealed class MassStorageAdapter : IRecorderAdapter
{
    public const string AdapterName = "mass-storage";

    public string Name => AdapterName;

    public bool NeedsHandshake => false;

    public RecorderIdentity Identify(UsbDeviceInfo device, AdapterHandshake? handshake)
    {
        var serial = handshake?.DeviceId ?? device.Serial;
        if (string.IsNullOrWhiteSpace(serial))
        {
            serial = string.Create(CultureInfo.InvariantCulture, $"{device.Model}@{device.Port}");
        }

        return new RecorderIdentity(
            serial,
            string.IsNullOrWhiteSpace(device.Manufacturer) ? device.VendorId.ToString("x4", CultureInfo.InvariantCulture) : device.Manufacturer,
            string.IsNullOrWhiteSpace(device.Product) ? device.ProductId.ToString("x4", CultureInfo.InvariantCulture) : device.Product);
    }

    public Task<AdapterHandshake> HandshakeAsync(UsbDeviceInfo device, DateTimeOffset? setClockTo, CancellationToken cancellationToken) =>
        Task.FromResult(new AdapterHandshake(null, null, null));

    public Task<DateTimeOffset?> ReadClockAsync(UsbDeviceInfo device, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(null);

    public Task<bool> SetClockAsync(UsbDeviceInfo device, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
