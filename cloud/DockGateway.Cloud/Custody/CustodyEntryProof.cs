namespace DockGateway.Cloud.Custody;

/// <summary>
/// One custody entry as the dock logged it: its index, its RFC 8785 canonical JSON verbatim (the leaf is
/// SHA-256(0x00 ‖ these UTF-8 bytes)), and its c2sp.org/tlog-proof@v1 bundle to the largest checkpoint the cloud cosigned
/// and holds the entries for (null while no such checkpoint covers the index).
/// </summary>
public sealed record CustodyEntryProof(long Index, string Entry, string? Proof);
