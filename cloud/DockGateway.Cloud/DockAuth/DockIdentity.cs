namespace DockGateway.Cloud.DockAuth;

/// <summary>The enrolled dock a signed request came from, set by <see cref="DockSignatureFilter"/>.</summary>
/// <param name="DockId">The dock id, which is also the signature's <c>keyid</c>.</param>
/// <param name="AgencyCode">The agency the dock was enrolled for.</param>
/// <param name="Origin">The dock's custody-log origin (the checkpoint key name).</param>
/// <param name="PublicKey">The dock's Ed25519 public key (32 bytes).</param>
public sealed record DockIdentity(string DockId, string AgencyCode, string Origin, byte[] PublicKey);
