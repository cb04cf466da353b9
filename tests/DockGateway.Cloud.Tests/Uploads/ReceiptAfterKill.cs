using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.Tests.Blobs;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// One upload into a cloud that SIGKILLs itself at a step of ending it, checked on either footage store: the kill
/// left a completed upload (from which every later receipt is signed) only with its whole blob; after the restart
/// the dock's retry (HEAD, then PATCH from the offset, as the dock's UploadWorker does) gets a receipt that
/// verifies, only ever with the blob, exactly one copy, and no partial left.
/// </summary>
internal static class ReceiptAfterKill
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(CloudProcess cloud, IStoredBlobs stored, int size, string step, Func<Task> startAgain)
    {
        using var dock = await ProcessDock.EnrolAsync(cloud);
        var data = RandomNumberGenerator.GetBytes(size);
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
        var completed = Completed(cloud, sha256);
        Assert.Single(completed);
        if (completed[0])
        {
            await AssertStoredAsync(stored, data, sha256, $"upload completed at the kill at '{step}'");
        }

        await startAgain();
        var receipt = await RetryUntilReceiptAsync(dock, location, data, stored, sha256);

        var note = NoteVerification.Open(Encoding.UTF8.GetString(Convert.FromBase64String(receipt)), [NoteVerifier.Parse(dock.ReceiptKey)]);
        Assert.Contains($"sha256 {sha256}\n", note.Text, StringComparison.Ordinal);
        await AssertStoredAsync(stored, data, sha256, "after the retry");
        Assert.Equal(1, await stored.CopiesAsync(sha256));
        Assert.Equal([true], Completed(cloud, sha256));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(cloud.Directory, "data", "blobs", "partial")));
    }

    private static List<bool> Completed(CloudProcess cloud, string sha256) =>
        ReadOnlySqlite.Query(cloud.Database, "SELECT completed_at FROM uploads WHERE sha256 = @sha256", r => !r.IsDBNull(0), ("@sha256", sha256));

    /// <summary>The dock's retry: HEAD; a receipt ends it (and must come with the blob), an offset short of the length is PATCHed from.</summary>
    private static async Task<string> RetryUntilReceiptAsync(ProcessDock dock, string location, byte[] data, IStoredBlobs stored, string sha256)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var head = await dock.SendAsync(TusRequests.Head(location), []);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            if (head.Headers.TryGetValues("Upload-Receipt", out var receipts))
            {
                await AssertStoredAsync(stored, data, sha256, "a HEAD answered a receipt");
                return receipts.Single();
            }

            var offset = long.Parse(head.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
            if (offset < data.Length)
            {
                using var patch = await dock.SendAsync(TusRequests.Patch(location, offset), data[(int)offset..]);
                Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
                if (patch.Headers.TryGetValues("Upload-Receipt", out var patched))
                {
                    await AssertStoredAsync(stored, data, sha256, "a PATCH answered a receipt");
                    return patched.Single();
                }
            }

            await Task.Delay(200); // the start-up recovery holds the upload: ask again
        }

        throw new TimeoutException($"no receipt for {location} within {s_timeout}");
    }

    private static async Task AssertStoredAsync(IStoredBlobs stored, byte[] data, string sha256, string when)
    {
        var bytes = await stored.ReadAsync(sha256);
        Assert.True(bytes is not null, $"{when}: blob {sha256} is missing");
        Assert.True(data.AsSpan().SequenceEqual(bytes), $"{when}: blob {sha256} does not hold the uploaded bytes");
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
