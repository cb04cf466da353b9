namespace DockGateway.Provisioning.Audit;

/// <summary>A <c>proofs/&lt;sha256&gt;.tlog-proof</c> file of a bundle: its name, the SHA-256 the name claims, its text.</summary>
public sealed record ProofFile(string Name, string Sha256, string Text)
{
    public string Where => $"proofs/{Name}";
}
