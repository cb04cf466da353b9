using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>
/// The S3 server dies (SIGKILL by PID) while a dock uploads: the chunk that completes the file is kept but its
/// commit answers 503 with Retry-After and problem details, the partial stays whole, no receipt is given and no
/// object is stored; once the server is back, the dock's retry finishes the upload and the receipt follows.
/// </summary>
public sealed class S3OutageTests
{
    [RequiresFact(Needs.S3rver)]
    public async Task S3_down_at_the_commit_is_503_with_nothing_lost_and_a_retry_after_it_is_back_completes()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, s3rver.Settings());
        using var dock = await TestDock.EnrolAsync(host);
        var file = new byte[(6 << 20) + 777]; // two 5 MiB parts
        new Random(42).NextBytes(file);
        var created = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 5)));
        var location = created.Headers.Location!.ToString();
        var id = location.Split('/')[^1];
        var half = file.Length / 2;
        Assert.Equal(HttpStatusCode.NoContent, (await dock.SendAsync(Patch(location, 0, file[..half]), file[..half])).StatusCode);

        s3rver.Kill();
        var last = await dock.SendAsync(Patch(location, half, file[half..]), file[half..]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, last.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), last.Headers.RetryAfter?.Delta);
        Assert.False(last.Headers.Contains("Upload-Receipt"));
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(file.Length, host.Services.GetRequiredService<IBlobStore>().PartialLength(id));
        var head = await dock.SendAsync(Head(location)); // the dock's HEAD while the store is still down
        Assert.Equal(HttpStatusCode.ServiceUnavailable, head.StatusCode);

        await s3rver.StartAgainAsync();
        Assert.Empty(await s3rver.KeysAsync()); // nothing half-stored while it was down
        var retried = await dock.SendAsync(Head(location));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(file.Length, Offset(retried));
        var note = Encoding.UTF8.GetString(Convert.FromBase64String(retried.Headers.GetValues("Upload-Receipt").Single()));
        Assert.Contains($"sha256 {Sha256Hex(file)}\n", NoteVerification.Open(note, [NoteVerifier.Parse(dock.ReceiptKey)]).Text, StringComparison.Ordinal);
        Assert.Equal(file, await new S3rverStoredBlobs(s3rver, "footage/").ReadAsync(Sha256Hex(file)));
        Assert.Null(host.Services.GetRequiredService<IBlobStore>().PartialLength(id));
    }

    [RequiresFact(Needs.S3rver)]
    public async Task S3_killed_in_the_middle_of_the_multipart_upload_is_503_and_a_retry_after_it_is_back_completes()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, s3rver.Settings());
        using var dock = await TestDock.EnrolAsync(host);
        var file = new byte[40 << 20]; // eight 5 MiB parts
        new Random(43).NextBytes(file);
        var created = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 6)));
        var location = created.Headers.Location!.ToString();
        var id = location.Split('/')[^1];

        // The single PATCH brings every byte, so its answer waits for the commit; s3rver dies once it holds the first part.
        using var stop = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !s3rver.HoldsAnyPart())
            {
                await Task.Delay(2);
            }

            s3rver.Kill();
        });
        var patch = await dock.SendAsync(Patch(location, 0, file), file);
        await stop.CancelAsync();
        await killer;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, patch.StatusCode);
        Assert.True(patch.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.False(patch.Headers.Contains("Upload-Receipt"));
        Assert.Equal(file.Length, host.Services.GetRequiredService<IBlobStore>().PartialLength(id));

        await s3rver.StartAgainAsync();
        Assert.Empty(await s3rver.KeysAsync()); // the parts sent before the kill never became an object
        var retried = await dock.SendAsync(Head(location));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.True(retried.Headers.Contains("Upload-Receipt"));
        Assert.Equal(file, await new S3rverStoredBlobs(s3rver, "footage/").ReadAsync(Sha256Hex(file)));
        Assert.Null(host.Services.GetRequiredService<IBlobStore>().PartialLength(id));
    }
}
