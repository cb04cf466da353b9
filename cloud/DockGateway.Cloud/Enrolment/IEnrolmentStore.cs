namespace DockGateway.Cloud.Enrolment;

/// <summary>Enrolment tokens (stored as SHA-256 only) and the one transaction that spends a token
/// and registers the dock.</summary>
public interface IEnrolmentStore
{
    Task<bool> AgencyExistsAsync(string agencyCode, CancellationToken cancellationToken);

    Task CreateTokenAsync(string tokenSha256, string agencyCode, string createdBy, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Spends the token and inserts the dock in one transaction; on any outcome but
    /// <see cref="EnrolmentOutcome.Enrolled"/> nothing is written. <paramref name="originFor"/>
    /// turns the token's agency code into the dock's log origin.
    /// </summary>
    Task<(EnrolmentOutcome Outcome, string? AgencyCode, string? Origin)> EnrolAsync(
        string tokenSha256, DockRegistration dock, Func<string, string> originFor, DateTimeOffset now, CancellationToken cancellationToken);
}
