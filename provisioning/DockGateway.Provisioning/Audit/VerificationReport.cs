namespace DockGateway.Provisioning.Audit;

/// <summary>
/// What <see cref="BundleVerifier"/> found: the checks that passed, every failure and warning with
/// the place it concerns, and a summary of the custody events. <see cref="Passed"/> is true only
/// when there is no failure at all.
/// </summary>
public sealed class VerificationReport
{
    private readonly List<string> _checks = [];
    private readonly List<Finding> _failures = [];
    private readonly List<Finding> _warnings = [];
    private readonly List<Finding> _consequences = [];

    public VerificationReport(string bundle) => Bundle = bundle;

    public string Bundle { get; }

    /// <summary>The checkpoint's origin line, when the checkpoint could be read.</summary>
    public string? Origin { get; set; }

    /// <summary>The tree size the signed checkpoint commits to.</summary>
    public long? CheckpointSize { get; set; }

    /// <summary>Lines in entries.jsonl.</summary>
    public long EntryCount { get; set; }

    /// <summary>Where the trusted verifier keys came from (the command line or the bundle's keys.txt).</summary>
    public string KeySource { get; set; } = "none";

    /// <summary>How many leading entries a matching signed checkpoint proves (the custody summary covers these); 0 when none.</summary>
    public long CoveredSize { get; set; }

    /// <summary>True when the signed checkpoint's own root did not match, so the summary covers an earlier checkpoint only.</summary>
    public bool CoveredByEarlierCheckpoint { get; set; }

    public int ProofsChecked { get; set; }

    public int FootageFilesChecked { get; set; }

    public CustodySummary Custody { get; } = new();

    public IReadOnlyList<string> Checks => _checks;

    public IReadOnlyList<Finding> Failures => _failures;

    public IReadOnlyList<Finding> Warnings => _warnings;

    /// <summary>Checks that fail only because of a failure already reported (listed apart, not counted again).</summary>
    public IReadOnlyList<Finding> Consequences => _consequences;

    public bool Passed => _failures.Count == 0;

    public void Pass(string check) => _checks.Add(check);

    public void Fail(string where, string message) => _failures.Add(new Finding(where, message));

    public void Warn(string where, string message) => _warnings.Add(new Finding(where, message));

    public void Consequence(string where, string message) => _consequences.Add(new Finding(where, message));
}
