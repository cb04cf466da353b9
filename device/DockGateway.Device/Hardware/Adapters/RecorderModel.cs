using System.Globalization;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>An admitted recorder model (Dock:Hardware:RecorderModels): USB ids in hex and the adapter that speaks to it.</summary>
public sealed class RecorderModel
{
    /// <summary>USB vendor id in hex (4255).</summary>
    public string VendorId { get; set; } = string.Empty;

    /// <summary>USB product id in hex (0001), or * for any product of the vendor.</summary>
    public string ProductId { get; set; } = "*";

    public string Name { get; set; } = string.Empty;

    /// <summary>mass-storage (storage at once) or ambarella (vendor handshake first).</summary>
    public string Adapter { get; set; } = MassStorageAdapter.AdapterName;

    /// <summary>The models every dock knows without configuration.</summary>
    public static IReadOnlyList<RecorderModel> BuiltIn { get; } =
    [
        new() { VendorId = "4255", ProductId = "0001", Name = "Ambarella body camera", Adapter = AmbarellaAdapter.AdapterName },
    ];

    public bool Matches(ushort vendorId, ushort productId) =>
        TryParse(VendorId, out var vid) && vid == vendorId
        && (ProductId == "*" || (TryParse(ProductId, out var pid) && pid == productId));

    public static bool TryParse(string hex, out ushort value) =>
        ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
}
