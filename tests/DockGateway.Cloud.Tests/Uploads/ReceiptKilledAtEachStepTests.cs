using DockGateway.Cloud.Tests.Blobs;
using DockGateway.Shared.Faults;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// The real cloud on the file-system store SIGKILLs itself (<see cref="CrashPoint"/>) between each pair of the steps
/// that end an upload: the partial fsync'd, renamed under its SHA-256, its directories fsync'd, <c>completed_at</c>
/// committed, the receipt signed. Whatever the step, a receipt exists only with the complete blob
/// (<see cref="ReceiptAfterKill"/>).
/// </summary>
public sealed class ReceiptKilledAtEachStepTests
{
    public static TheoryData<string> Steps => new(CrashPoint.ReceiptSteps);

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_receipt_exists_only_with_its_complete_blob_whatever_step_the_cloud_died_after(string step)
    {
        await using var cloud = await CloudProcess.StartAsync("receipt-kill", new Dictionary<string, string> { [CrashPoint.Variable] = step });
        var stored = new FileSystemStoredBlobs(Path.Combine(cloud.Directory, "data", "blobs"));
        await ReceiptAfterKill.RunAsync(cloud, stored, 200 * 1024 + 17, step, () => cloud.StartAgainAsync());
    }
}
