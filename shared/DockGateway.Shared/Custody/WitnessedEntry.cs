namespace DockGateway.Shared.Custody;

/// <summary>The checkpoint of <see cref="Size"/> was cosigned by <see cref="Witness"/>.</summary>
public sealed record WitnessedEntry(long Size, string Witness) : CustodyEntry;
