namespace DockGateway.Cloud.Enrolment;

/// <summary>What happened to an enrolment attempt.</summary>
public enum EnrolmentOutcome
{
    Enrolled,
    UnknownToken,
    TokenUsed,
    TokenExpired,
    KeyAlreadyEnrolled,
}
