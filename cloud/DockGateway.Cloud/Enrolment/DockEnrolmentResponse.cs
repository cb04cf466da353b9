namespace DockGateway.Cloud.Enrolment;

/// <summary>
/// What an enrolled dock needs: its id (the RFC 9421 keyid), its log origin (the key name it signs
/// checkpoints with), the cloud's witness cosigner verifier key and its receipt verifier key.
/// </summary>
public sealed record DockEnrolmentResponse(
    string DockId,
    string Agency,
    string Origin,
    string WitnessKey,
    string ReceiptKey);
