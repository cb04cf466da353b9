namespace DockGateway.Cloud.Registry;

/// <summary>A body-worn recorder issued to an agency.</summary>
public sealed class Recorder
{
    public string Serial { get; init; } = string.Empty;

    public string AgencyCode { get; init; } = string.Empty;

    public string Vendor { get; init; } = string.Empty;

    public string Model { get; init; } = string.Empty;

    /// <summary><c>in-service</c>, <c>repair</c> or <c>retired</c>.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Badge number of the officer it is assigned to, in the same agency.</summary>
    public string? AssignedBadge { get; init; }

    /// <summary>When it was registered (issued) to the agency.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>When a dock last had it in a slot; null if never.</summary>
    public DateTimeOffset? LastDockedAt { get; init; }

    /// <summary>The dock that last had it in a slot; null if never.</summary>
    public string? LastDockId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
