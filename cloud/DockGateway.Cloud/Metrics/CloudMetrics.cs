using System.Diagnostics.Metrics;

namespace DockGateway.Cloud.Metrics;

/// <summary>
/// The cloud's own instruments on the <c>DockGateway.Cloud</c> meter (requests are counted by the ASP.NET Core
/// instrumentation). Recording is a counter add, cheap enough for the upload and witness paths.
/// </summary>
public sealed class CloudMetrics
{
    public const string MeterName = "DockGateway.Cloud";

    private readonly Counter<long> _uploadBytes;
    private readonly Counter<long> _uploads;
    private readonly Counter<long> _verificationFailures;
    private readonly Counter<long> _witness;

    public CloudMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _uploadBytes = meter.CreateCounter<long>("dockgateway.cloud.upload.size", "By", "Bytes of footage stored by completed uploads.");
        _uploads = meter.CreateCounter<long>("dockgateway.cloud.uploads", "{upload}", "Uploads completed (SHA-256 verified and committed).");
        _verificationFailures = meter.CreateCounter<long>(
            "dockgateway.cloud.upload.verification_failures", "{upload}", "Uploads whose bytes did not hash to the declared SHA-256 (deleted).");
        _witness = meter.CreateCounter<long>(
            "dockgateway.cloud.witness.checkpoints", "{checkpoint}", "Checkpoints the witness answered, by outcome (cosigned, refused) and reason.");
    }

    public void UploadCompleted(long bytes)
    {
        _uploads.Add(1);
        _uploadBytes.Add(bytes);
    }

    public void UploadVerificationFailed() => _verificationFailures.Add(1);

    public void CheckpointCosigned() =>
        _witness.Add(1, new KeyValuePair<string, object?>("outcome", "cosigned"), new KeyValuePair<string, object?>("reason", "none"));

    /// <param name="reason">A fixed word (<see cref="WitnessRefusalReasons"/>), never the refusal's free text.</param>
    public void CheckpointRefused(string reason) =>
        _witness.Add(1, new KeyValuePair<string, object?>("outcome", "refused"), new KeyValuePair<string, object?>("reason", reason));
}
