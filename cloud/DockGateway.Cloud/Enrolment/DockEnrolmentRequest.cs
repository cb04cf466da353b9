namespace DockGateway.Cloud.Enrolment;

/// <summary>Body of <c>POST /api/v1/docks/enrol</c>.</summary>
/// <param name="PublicKey">The dock's Ed25519 public key, 32 bytes in standard base64.</param>
public sealed record DockEnrolmentRequest(
    string? Token,
    string? PublicKey,
    string? Site,
    int? Slots);
