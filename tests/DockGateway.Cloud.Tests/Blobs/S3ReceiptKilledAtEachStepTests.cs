using DockGateway.Cloud.Tests.Uploads;
using DockGateway.Shared.Faults;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>
/// The real cloud on the S3 store SIGKILLs itself (<see cref="CrashPoint"/>) between each pair of steps that end
/// an upload: the object complete in the bucket but not yet read back, confirmed but the partial not yet removed,
/// the upload marked complete, the receipt signed. Whatever the step, a receipt exists only with its whole object
/// in s3rver (<see cref="ReceiptAfterKill"/>; the file spans two multipart parts).
/// </summary>
public sealed class S3ReceiptKilledAtEachStepTests
{
    public static TheoryData<string> Steps => new([.. CrashPoint.S3Steps, "cloud-blob-committed", "cloud-completed", "cloud-receipt-signed"]);

    [RequiresTheory(Needs.S3rver)]
    [MemberData(nameof(Steps))]
    public async Task A_receipt_exists_only_with_its_confirmed_object_whatever_step_the_cloud_died_after(string step)
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        var s3 = s3rver.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        await using var cloud = await CloudProcess.StartAsync("s3-kill", new Dictionary<string, string>(s3) { [CrashPoint.Variable] = step });
        await ReceiptAfterKill.RunAsync(cloud, new S3rverStoredBlobs(s3rver, "footage/"), (6 << 20) + 17, step, () => cloud.StartAgainAsync(s3));
    }
}
