using System.Net;
using System.Security.Cryptography;
using DockGateway.Cloud.DockAuth;
using DockGateway.Shared.Faults;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// A PATCH's replay-cache row is committed in the same transaction as its chunk's offset. The real cloud SIGKILLs
/// itself right after that commit, before answering (<c>cloud-chunk-committed</c>); after the restart the very same
/// signed request, byte for byte, is refused as a replay, the offset stays where the one commit put it, and the dock's
/// freshly signed PATCH of the rest finishes the upload.
/// </summary>
public sealed class ReplayKilledAfterChunkCommitTests
{
    [Fact]
    public async Task A_chunk_committed_before_a_kill_cannot_be_replayed_after_the_restart()
    {
        await using var cloud = await CloudProcess.StartAsync("replay-kill", new Dictionary<string, string> { [CrashPoint.Variable] = "cloud-chunk-committed" });
        using var dock = await ProcessDock.EnrolAsync(cloud);
        var data = RandomNumberGenerator.GetBytes(300 * 1024);
        var sha256 = TusRequests.Sha256Hex(data);
        const int first = 100 * 1024;

        string location;
        using (var created = await dock.SendAsync(TusRequests.Create(data.Length, TusRequests.Metadata(sha256, data.Length, 4)), []))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            location = created.Headers.Location!.OriginalString;
        }

        var chunk = data[..first];
        var original = dock.Sign(TusRequests.Patch(location, 0), chunk);
        await Assert.ThrowsAsync<HttpRequestException>(async () => (await dock.ReplayAsync(original, chunk)).Dispose());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!cloud.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Contains("killing the process at step 'cloud-chunk-committed'", cloud.Tail, StringComparison.Ordinal);
        Assert.Equal([(long)first], ReadOnlySqlite.Query(cloud.Database, "SELECT upload_offset FROM uploads WHERE sha256 = @sha256", r => r.GetInt64(0), ("@sha256", sha256)));

        await cloud.StartAgainAsync();
        using (var replayed = await dock.ReplayAsync(original, chunk))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
            Assert.Contains(DockRequestVerifier.AlreadyUsed, await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var head = await dock.SendAsync(TusRequests.Head(location), []))
        {
            Assert.Equal(first, TusRequests.Offset(head));
        }

        using var rest = await dock.SendAsync(TusRequests.Patch(location, first), data[first..]);
        Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        Assert.Single(rest.Headers.GetValues("Upload-Receipt"));
        var blob = Path.Combine(cloud.Directory, "data", "blobs", "sha256", sha256[..2], sha256[2..4], sha256);
        Assert.Equal(data, await File.ReadAllBytesAsync(blob));
    }
}
