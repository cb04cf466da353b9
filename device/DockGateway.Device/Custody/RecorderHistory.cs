namespace DockGateway.Device.Custody;

/// <summary>
/// What the custody log says about a recorder's file numbering: the last sequence number decided
/// (null before the first decision), the log size it was decided at, and, from every entry since then
/// that names the recorder, the recorder paths named (ingested, duplicate, erased, error, … — also from
/// sessions that were killed or whose recorder was pulled) and the gaps already reported.
/// </summary>
public sealed record RecorderHistory(
    long? LastSequence,
    long LogSize,
    IReadOnlyList<string> Paths,
    IReadOnlyList<(long Previous, long Next)> ReportedGaps);
