namespace DockGateway.Device.Slots;

/// <summary>What the dock learnt and did about a recorder's clock at docking.</summary>
/// <param name="Skew">Recorder clock minus dock clock, when the recorder's clock could be read; null when unknown.</param>
/// <param name="SetTo">The time the dock wrote to the recorder, when its adapter can set the clock.</param>
public sealed record RecorderClock(TimeSpan? Skew, DateTimeOffset? SetTo);
