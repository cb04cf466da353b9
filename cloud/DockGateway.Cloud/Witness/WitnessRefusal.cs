namespace DockGateway.Cloud.Witness;

/// <summary>Why the witness will not cosign a checkpoint: the status to answer with and the reason, also kept as evidence.</summary>
public sealed record WitnessRefusal(int Status, string Reason);
