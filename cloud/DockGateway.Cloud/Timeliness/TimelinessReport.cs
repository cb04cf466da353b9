namespace DockGateway.Cloud.Timeliness;

/// <summary>Docking timeliness per day, oldest first, for the agencies in scope (<see cref="AgencyCode"/>: one, or null for all), and over the whole window.</summary>
public sealed record TimelinessReport(
    string? AgencyCode, DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<TimelinessDay> Days, long Recordings, long WithinDay, double? Share,
    DateTimeOffset ComputedAt);
