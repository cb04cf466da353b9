using System.Diagnostics.Metrics;

namespace DockGateway.Device.Metrics;

/// <summary>
/// The dock's counters on the <c>DockGateway.Dock</c> meter, fed by <see cref="DockMetricsObserver"/> from committed
/// custody entries; each record is a counter add. The gauges are in <see cref="DockGauges"/>.
/// </summary>
public sealed class DockMetrics
{
    public const string MeterName = "DockGateway.Dock";

    private readonly Counter<long> _files;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _verificationFailures;

    public DockMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _files = meter.CreateCounter<long>("dockgateway.dock.ingest.files", "{file}", "Files taken into custody (an ingested entry committed).");
        _bytes = meter.CreateCounter<long>("dockgateway.dock.ingest.size", "By", "Bytes of the files taken into custody.");
        _verificationFailures = meter.CreateCounter<long>(
            "dockgateway.dock.ingest.verification_failures", "{file}", "Stored copies whose re-read SHA-256 differed from the copied one (the recorder keeps the file).");
    }

    public void FileIngested(long bytes)
    {
        _files.Add(1);
        _bytes.Add(bytes);
    }

    public void VerificationFailed() => _verificationFailures.Add(1);
}
