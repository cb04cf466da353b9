using System.Net;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Instances;

/// <summary>
/// Issue 12 item 3: two cloud instances on one PostgreSQL database and one footage directory. While one instance
/// appends to an upload, the other refuses a PATCH of the same upload (409 "Upload busy") instead of writing the
/// same bytes at the same offset; the upload then goes on at the other instance (which hashes what the first
/// wrote from disk) and ends in one blob and a receipt both instances sign alike.
/// </summary>
public sealed class MultiInstanceUploadTests
{
    [RequiresFact(Needs.Postgres)]
    public async Task A_PATCH_in_progress_at_one_instance_locks_the_upload_at_the_other_and_the_upload_completes_across_both()
    {
        await using var database = await PostgresTestDatabase.CreateAsync("instances");
        var shared = Directory.CreateTempSubdirectory("dockgw-instances-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Cloud:DataDirectory"] = shared,
                ["Cloud:Database:Postgres"] = database.ConnectionString,
            };
            await using var first = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings);
            await using var second = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings);
            using var dock = await TestDock.EnrolAsync(first);
            var file = RandomNumberGenerator.GetBytes(3 << 20);
            var created = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 1)));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var location = created.Headers.Location!.ToString();
            var firstChunk = file[..(1 << 20)];

            var gated = new GatedContent(firstChunk);
            var slow = dock.SendAsync(Patch(location, 0), firstChunk, content: gated);
            await gated.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(30));
            await WaitUntilLockedAsync(second, location);
            var concurrent = await dock.SendAsync(Patch(location, 0), firstChunk, via: second);
            gated.Release();
            var held = await slow;

            Assert.Equal(HttpStatusCode.Conflict, concurrent.StatusCode);
            Assert.Contains("Upload busy", await concurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NoContent, held.StatusCode);
            Assert.Equal(firstChunk.Length, Offset(held));

            // The rest goes to the other instance, chunk by chunk, then the last chunk back to the first.
            var middle = await dock.SendAsync(Patch(location, 1 << 20), file[(1 << 20)..(2 << 20)], via: second);
            Assert.Equal(HttpStatusCode.NoContent, middle.StatusCode);
            var last = await dock.SendAsync(Patch(location, 2 << 20), file[(2 << 20)..]);
            Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);

            var receipt = Encoding.UTF8.GetString(Convert.FromBase64String(last.Headers.GetValues("Upload-Receipt").Single()));
            NoteVerification.Open(receipt, [NoteVerifier.Parse(dock.ReceiptKey)]);
            var again = await dock.SendAsync(Head(location), via: second);
            Assert.Equal(receipt, Encoding.UTF8.GetString(Convert.FromBase64String(again.Headers.GetValues("Upload-Receipt").Single())));
            await using var stored = second.Services.GetRequiredService<IBlobStore>().OpenRead(Sha256Hex(file));
            Assert.NotNull(stored);
            Assert.Equal(Sha256Hex(file), Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)));
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    /// <summary>Waits until the slow PATCH holds the upload's advisory lock (its body started before the lock was taken).</summary>
    private static async Task WaitUntilLockedAsync(CloudTestHost host, string location)
    {
        var key = UploadLocks.AdvisoryKey(location.Split('/')[^1]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await DockDatabase.ScalarAsync(host,
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = @key",
            new { key }) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the first instance never took the upload's lock");
            await Task.Delay(50);
        }
    }
}
