namespace DockGateway.Cloud.Custody;

/// <summary>The custody records of the file with <see cref="Sha256"/> in the caller's agencies (one per dock entry that ingested it).</summary>
public sealed record CustodyFileAnswer(string Sha256, IReadOnlyList<CustodyFileRecord> Records);
