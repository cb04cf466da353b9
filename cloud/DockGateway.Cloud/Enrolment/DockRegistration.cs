namespace DockGateway.Cloud.Enrolment;

/// <summary>A dock being enrolled: its new id, site, slot count and Ed25519 public key.</summary>
public sealed record DockRegistration(string DockId, string Site, int Slots, byte[] PublicKey);
