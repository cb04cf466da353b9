namespace DockGateway.Device.Slots;

/// <summary>Who a recorder is, as it tells us over USB (or a simulated recorder.json).</summary>
/// <param name="Serial">The USB serial number: the recorder's identity in the custody log.</param>
/// <param name="Vendor">Vendor name or USB vendor id.</param>
/// <param name="Model">Model name or USB product id.</param>
/// <param name="IsRegistered">
/// False for a recorder of a known model whose serial is not registered to this dock's agency: it is
/// still ingested, but every custody entry is flagged <c>unregistered</c> and an alert raised.
/// </param>
public sealed record RecorderIdentity(string Serial, string Vendor, string Model, bool IsRegistered = true);
