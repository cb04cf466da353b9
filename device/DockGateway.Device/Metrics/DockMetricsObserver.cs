using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;

namespace DockGateway.Device.Metrics;

/// <summary>Counts ingests and verification failures as their custody entries are committed (never before).</summary>
public sealed class DockMetricsObserver(DockMetrics metrics) : ICustodyObserver
{
    /// <summary>The <see cref="ErrorEntry.Reason"/> the ingest writes when a stored copy fails its read-back check.</summary>
    public const string VerificationFailedReason = "verification-failed";

    public void EntryAppended(CustodyRecord record)
    {
        switch (record.Entry)
        {
            case IngestedEntry ingested:
                metrics.FileIngested(ingested.Size);
                break;
            case ErrorEntry { Reason: VerificationFailedReason }:
                metrics.VerificationFailed();
                break;
        }
    }

    public void CheckpointSigned(StoredCheckpoint checkpoint)
    {
    }
}
