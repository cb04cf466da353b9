namespace DockGateway.Cloud.Custody;

/// <summary>A checkpoint the cloud refused to cosign, kept as evidence: when, why, and the request verbatim (old size, proof, signed checkpoint).</summary>
public sealed record WitnessRejectionItem(string Id, DateTimeOffset At, string Reason, string Body);
