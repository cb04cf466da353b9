namespace DockGateway.Cloud.Enrolment;

/// <summary>A new enrolment token, shown once (only its SHA-256 is stored).</summary>
public sealed record EnrolmentTokenResponse(
    string Token,
    string Agency,
    DateTimeOffset ExpiresAt);
