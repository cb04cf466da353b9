namespace DockGateway.Provisioning.Audit;

/// <summary>A trusted checkpoint and the bundle file it was read from.</summary>
public sealed record SignedCheckpoint(TrustedCheckpoint Checkpoint, string Where)
{
    public long Size => Checkpoint.Size;
}
