namespace DockGateway.Device.Custody.Audit;

/// <summary>What an auditor bundle holds: the checkpoint's tree size (= lines of entries.jsonl) and the number of proofs.</summary>
public sealed record AuditExportResult(string Directory, long TreeSize, int Proofs, int VerifierKeys);
