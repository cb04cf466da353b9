namespace DockGateway.Cloud.Metrics;

/// <summary>The <c>reason</c> label of a refused checkpoint: one word per rule the witness applies.</summary>
public static class WitnessRefusalReasons
{
    public const string BadSignature = "bad-signature";
    public const string ForeignOrigin = "foreign-origin";
    public const string Malformed = "malformed-evidence";
    public const string Inconsistent = "inconsistent";
}
