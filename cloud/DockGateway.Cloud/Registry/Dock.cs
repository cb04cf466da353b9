namespace DockGateway.Cloud.Registry;

/// <summary>An enrolled docking station (rows are written by enrolment).</summary>
public sealed class Dock
{
    public string Id { get; init; } = string.Empty;

    public string AgencyCode { get; init; } = string.Empty;

    public string Site { get; init; } = string.Empty;

    public long Slots { get; init; }

    /// <summary>Ed25519 public key, lower-case hex.</summary>
    public string PublicKey { get; init; } = string.Empty;

    public DateTimeOffset EnrolledAt { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }
}
