namespace DockGateway.Benchmarks.Cloud.Memory;

/// <summary>
/// What one outage phase measured: the largest reading while the broker or the cloud was away (ingest
/// included), how long the ingest took, and the largest reading while the dock caught up afterwards.
/// </summary>
internal sealed record OutagePhase(string Label, RssSample Peak, TimeSpan Ingest, TimeSpan Down, RssSample RecoveryPeak, TimeSpan Recovery);
