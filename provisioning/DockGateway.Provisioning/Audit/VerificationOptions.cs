namespace DockGateway.Provisioning.Audit;

/// <summary>
/// How to verify a bundle. <see cref="PinnedKeys"/> are verifier key strings the auditor trusts
/// (preferred: the bundle's own keys.txt proves nothing about who signed); <see cref="FootageDirectory"/>
/// is the dock's footage directory, when the stored copies should be hashed too.
/// </summary>
public sealed record VerificationOptions
{
    public IReadOnlyList<string> PinnedKeys { get; init; } = [];

    public string? FootageDirectory { get; init; }
}
