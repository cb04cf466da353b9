namespace DockGateway.Device.Slots;

/// <summary>
/// A known recorder model whose handshake or volume failed: not a refusal (it is a recorder, and its
/// footage must still come off it) but an error the slot shows until it is re-seated. Nothing is read
/// from it or written to it. <paramref name="Reason"/> is a stable code (<c>handshake-failed</c>,
/// <c>mount-failed</c>, <c>no-volume</c>); <paramref name="Detail"/> says what happened.
/// </summary>
public sealed record RecorderFailed(int Slot, RecorderIdentity Recorder, string Reason, string Detail) : SlotEvent(Slot);
