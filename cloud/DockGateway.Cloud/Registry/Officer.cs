namespace DockGateway.Cloud.Registry;

/// <summary>An officer of an agency, identified by badge number within it.</summary>
public sealed class Officer
{
    public string AgencyCode { get; init; } = string.Empty;

    public string BadgeNumber { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
