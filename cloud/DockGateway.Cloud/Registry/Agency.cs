namespace DockGateway.Cloud.Registry;

/// <summary>An enforcement agency and the figures its equipment ratio is computed from.</summary>
public sealed class Agency
{
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary><c>A</c>, <c>B</c> or <c>C</c> (MISSION rule 6).</summary>
    public string Class { get; init; } = string.Empty;

    public long OfficerCount { get; init; }

    /// <summary>The configured minimum number of recorders; set for class C only.</summary>
    public long? ClassCMinimum { get; init; }

    public long LegalReviewStaff { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
