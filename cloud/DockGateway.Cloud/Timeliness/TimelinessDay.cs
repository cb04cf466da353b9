namespace DockGateway.Cloud.Timeliness;

/// <summary>
/// One day (China Standard Time, UTC+8) of docking timeliness: recordings that ended that day and are in the footage
/// index, how many of them a dock ingested within 24 h of their end, and that share (null when there were none).
/// </summary>
public sealed record TimelinessDay(DateOnly Day, long Recordings, long WithinDay, double? Share);
