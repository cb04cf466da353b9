namespace DockGateway.Provisioning.Audit;

/// <summary>A signed note read from a bundle (a file under <c>checkpoints/</c>): where it came from and its text.</summary>
public sealed record BundleNote(string Where, string Text);
