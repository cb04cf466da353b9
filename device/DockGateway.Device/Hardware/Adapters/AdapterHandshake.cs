namespace DockGateway.Device.Hardware.Adapters;

/// <summary>What a vendor handshake learnt and did.</summary>
/// <param name="DeviceId">The recorder's own id (Ambarella @Gdv), when it gave a well-formed one.</param>
/// <param name="ClockSetTo">The time written to the recorder, when the clock was set.</param>
/// <param name="ClockBefore">The recorder's clock before setting it, when the adapter can read it.</param>
public sealed record AdapterHandshake(string? DeviceId, DateTimeOffset? ClockSetTo, DateTimeOffset? ClockBefore);
