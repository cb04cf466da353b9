namespace DockGateway.Benchmarks.Cloud.Latency;

/// <summary>
/// One round's times from insertion (recorder.json in place) to: the first <c>ingested</c> entry, the
/// first upload begun in the cloud, the slot <c>done</c> (wiped), every file completed and SHA-256
/// verified in the cloud, and every receipt logged by the dock as an <c>uploaded</c> entry.
/// </summary>
internal sealed record LatencyResult(
    TimeSpan FirstIngested,
    TimeSpan FirstUploadBegun,
    TimeSpan Wiped,
    TimeSpan CloudVerified,
    TimeSpan ReceiptsLogged);
