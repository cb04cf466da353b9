using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// The real cloud SIGKILLs itself (<see cref="CrashPoint"/>) between each pair of the steps that end an upload:
/// the partial fsync'd, renamed under its SHA-256, its directories fsync'd, <c>completed_at</c> committed, the
/// receipt signed. Whatever the step, the upload has a receipt only with a complete blob whose SHA-256 matches:
/// checked on the data the kill left (a completed row, from which any later receipt is signed, needs its blob)
/// and on every answer after the restart; when there is no receipt, the dock's retry (HEAD, then PATCH from the
/// offset, as the dock's UploadWorker does) completes the upload, exactly once.
/// </summary>
public sealed class ReceiptKilledAtEachStepTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Steps => new(CrashPoint.ReceiptSteps);

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_receipt_exists_only_with_its_complete_blob_whatever_step_the_cloud_died_after(string step)
    {
        await using var cloud = await CloudProcess.StartAsync("receipt-kill", new Dictionary<string, string> { [CrashPoint.Variable] = step });
        using var dock = await ProcessDock.EnrolAsync(cloud);
        var data = RandomNumberGenerator.GetBytes(200 * 1024 + 17);
        var sha256 = TusRequests.Sha256Hex(data);
        var blob = Path.Combine(cloud.Directory, "data", "blobs", "sha256", sha256[..2], sha256[2..4], sha256);

        string location;
        using (var created = await dock.SendAsync(TusRequests.Create(data.Length, TusRequests.Metadata(sha256, data.Length, 3)), []))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            location = created.Headers.Location!.OriginalString;
        }

        var answered = await TryAsync(() => dock.SendAsync(TusRequests.Patch(location, 0), data));
        Assert.True(answered is null, $"the cloud answered {(int?)answered?.StatusCode} instead of dying at '{step}'");
        var deadline = DateTime.UtcNow + s_timeout;
        while (!cloud.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains($"killing the process at step '{step}'", cloud.Tail, StringComparison.Ordinal);

        // What the kill left: a completed upload (every later receipt is signed from it) must have its whole blob.
        var completed = ReadOnlySqlite.Query(cloud.Database, "SELECT completed_at FROM uploads WHERE sha256 = @sha256", r => !r.IsDBNull(0), ("@sha256", sha256));
        Assert.Single(completed);
        if (completed[0])
        {
            AssertBlob(blob, sha256, $"upload completed at the kill at '{step}'");
        }

        await cloud.StartAgainAsync();
        var receipt = await RetryUntilReceiptAsync(dock, location, data, blob, sha256);

        var note = NoteVerification.Open(Encoding.UTF8.GetString(Convert.FromBase64String(receipt)), [NoteVerifier.Parse(dock.ReceiptKey)]);
        Assert.Contains($"sha256 {sha256}\n", note.Text, StringComparison.Ordinal);
        AssertBlob(blob, sha256, "after the retry");
        var rows = ReadOnlySqlite.Query(cloud.Database, "SELECT completed_at FROM uploads WHERE sha256 = @sha256", r => !r.IsDBNull(0), ("@sha256", sha256));
        Assert.Equal([true], rows);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(cloud.Directory, "data", "blobs", "partial")));
    }

    /// <summary>The dock's retry: HEAD; a receipt ends it (and must come with the blob), an offset short of the length is PATCHed from.</summary>
    private static async Task<string> RetryUntilReceiptAsync(ProcessDock dock, string location, byte[] data, string blob, string sha256)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var head = await dock.SendAsync(TusRequests.Head(location), []);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            if (head.Headers.TryGetValues("Upload-Receipt", out var receipts))
            {
                AssertBlob(blob, sha256, "a HEAD answered a receipt");
                return receipts.Single();
            }

            var offset = long.Parse(head.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
            if (offset < data.Length)
            {
                using var patch = await dock.SendAsync(TusRequests.Patch(location, offset), data[(int)offset..]);
                Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
                if (patch.Headers.TryGetValues("Upload-Receipt", out var patched))
                {
                    AssertBlob(blob, sha256, "a PATCH answered a receipt");
                    return patched.Single();
                }
            }

            await Task.Delay(200); // the start-up recovery holds the upload: ask again
        }

        throw new TimeoutException($"no receipt for {location} within {s_timeout}");
    }

    private static void AssertBlob(string blob, string sha256, string when)
    {
        Assert.True(File.Exists(blob), $"{when}: blob {sha256} is missing");
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(blob))));
    }

    private static async Task<HttpResponseMessage?> TryAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            return null; // the cloud died mid-request
        }
    }
}
