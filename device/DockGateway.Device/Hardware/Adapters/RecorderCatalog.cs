using DockGateway.Device.Hardware.Usb;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>Which USB devices are recorders (built-in models plus Dock:Hardware:RecorderModels), and their adapters.</summary>
public sealed class RecorderCatalog(IOptions<DockHardwareOptions> options, IEnumerable<IRecorderAdapter> adapters)
{
    private readonly IReadOnlyList<RecorderModel> _models = [.. options.Value.RecorderModels, .. RecorderModel.BuiltIn];
    private readonly Dictionary<string, IRecorderAdapter> _adapters = adapters.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The adapter for a device of a known model, or null when the device is not a recorder.</summary>
    public IRecorderAdapter? Find(UsbDeviceInfo device)
    {
        var model = _models.FirstOrDefault(m => m.Matches(device.VendorId, device.ProductId));
        return model is null ? null : Adapter(model.Adapter);
    }

    public IRecorderAdapter Adapter(string name) =>
        _adapters.TryGetValue(name, out var adapter)
            ? adapter
            : throw new InvalidOperationException($"No recorder adapter named '{name}' (Dock:Hardware:RecorderModels:n:Adapter)");
}
