namespace DockGateway.Provisioning.Audit;

/// <summary>
/// How to verify a bundle. <see cref="PinnedKeys"/> are verifier key strings the auditor trusts
/// (preferred: the bundle's own keys.txt proves nothing about who signed); <see cref="FootageDirectory"/>
/// is the dock's footage directory, when the stored copies should be hashed too. <see cref="RequireWitness"/>
/// makes a checkpoint without a valid cosignature by every trusted witness a failure (pinning a witness key
/// with --key implies it).
/// </summary>
public sealed record VerificationOptions
{
    public IReadOnlyList<string> PinnedKeys { get; init; } = [];

    public string? FootageDirectory { get; init; }

    public bool RequireWitness { get; init; }

    /// <summary>
    /// With <see cref="FootageDirectory"/>: hash only the stored copies of the ingested entries with these SHA-256 (a case
    /// package carries only its case's files); each must be named by an entry and present. Empty = every ingested entry.
    /// </summary>
    public IReadOnlyList<string> FootageFor { get; init; } = [];
}
