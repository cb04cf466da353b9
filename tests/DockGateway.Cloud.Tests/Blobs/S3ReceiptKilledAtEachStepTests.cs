using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.Tests.Uploads;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>
/// The real cloud on the S3 store SIGKILLs itself (<see cref="CrashPoint"/>) between each pair of steps that end
/// an upload: the object complete in the bucket but not yet read back, confirmed but the partial not yet removed,
/// the upload marked complete, the receipt signed. Whatever the step, a completed upload (from which every
/// receipt is signed) has its whole object in s3rver, and after the restart the dock's retry gets a receipt,
/// with exactly one object whose bytes match and no partial left.
/// </summary>
public sealed class S3ReceiptKilledAtEachStepTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Steps => new([.. CrashPoint.S3Steps, "cloud-blob-committed", "cloud-completed", "cloud-receipt-signed"]);

    [RequiresTheory(Needs.S3rver)]
    [MemberData(nameof(Steps))]
    public async Task A_receipt_exists_only_with_its_confirmed_object_whatever_step_the_cloud_died_after(string step)
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        var s3 = s3rver.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        var stored = new S3rverStoredBlobs(s3rver, "footage/");
        await using var cloud = await CloudProcess.StartAsync("s3-kill", new Dictionary<string, string>(s3) { [CrashPoint.Variable] = step });
        using var dock = await ProcessDock.EnrolAsync(cloud);
        var data = RandomNumberGenerator.GetBytes((6 << 20) + 17); // two parts
        var sha256 = TusRequests.Sha256Hex(data);

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
        var completed = ReadOnlySqlite.Query(cloud.Database, "SELECT completed_at FROM uploads WHERE sha256 = @sha256", r => !r.IsDBNull(0), ("@sha256", sha256));
        Assert.Single(completed);
        if (completed[0])
        {
            Assert.Equal(data, await stored.ReadAsync(sha256));
        }

        await cloud.StartAgainAsync(s3);
        var receipt = await RetryUntilReceiptAsync(dock, location, data, stored, sha256);

        var note = NoteVerification.Open(Encoding.UTF8.GetString(Convert.FromBase64String(receipt)), [NoteVerifier.Parse(dock.ReceiptKey)]);
        Assert.Contains($"sha256 {sha256}\n", note.Text, StringComparison.Ordinal);
        Assert.Equal(1, await stored.CopiesAsync(sha256));
        Assert.Equal([true], ReadOnlySqlite.Query(cloud.Database, "SELECT completed_at FROM uploads WHERE sha256 = @sha256", r => !r.IsDBNull(0), ("@sha256", sha256)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(cloud.Directory, "data", "blobs", "partial")));
    }

    /// <summary>The dock's retry: HEAD; a receipt ends it (and must come with the object), an offset short of the length is PATCHed from.</summary>
    private static async Task<string> RetryUntilReceiptAsync(ProcessDock dock, string location, byte[] data, S3rverStoredBlobs stored, string sha256)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var head = await dock.SendAsync(TusRequests.Head(location), []);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            if (head.Headers.TryGetValues("Upload-Receipt", out var receipts))
            {
                Assert.Equal(data, await stored.ReadAsync(sha256));
                return receipts.Single();
            }

            var offset = long.Parse(head.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
            if (offset < data.Length)
            {
                using var patch = await dock.SendAsync(TusRequests.Patch(location, offset), data[(int)offset..]);
                Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
                if (patch.Headers.TryGetValues("Upload-Receipt", out var patched))
                {
                    Assert.Equal(data, await stored.ReadAsync(sha256));
                    return patched.Single();
                }
            }

            await Task.Delay(200); // the start-up recovery holds the upload: ask again
        }

        throw new TimeoutException($"no receipt for {location} within {s_timeout}");
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
