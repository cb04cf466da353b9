namespace DockGateway.Cloud.Custody;

/// <summary>
/// The custody state of one dock's log as the cloud witnessed it: the largest checkpoint it cosigned (size, root, when),
/// how many entries it holds, the checkpoints it refused (kept as evidence) and a witness status:
/// <c>never</c> (nothing cosigned yet), <c>refused</c> (the newest checkpoint seen was refused), <c>behind</c> (the cloud
/// holds fewer entries than it cosigned: the dock has entries to mirror) or <c>ok</c>.
/// </summary>
public sealed record CustodyDockItem
{
    public required string DockId { get; init; }

    public required string AgencyCode { get; init; }

    public required string Site { get; init; }

    public string? Origin { get; init; }

    public long? CosignedSize { get; init; }

    /// <summary>The cosigned root hash, standard base64.</summary>
    public string? CosignedRoot { get; init; }

    public DateTimeOffset? CosignedAt { get; init; }

    public long StoredEntries { get; init; }

    public long Refusals { get; init; }

    public DateTimeOffset? LastRefusedAt { get; init; }

    public string? LastRefusalReason { get; init; }

    public required string Status { get; init; }
}
