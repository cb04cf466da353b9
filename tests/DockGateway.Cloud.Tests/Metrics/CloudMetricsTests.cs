using System.Net;
using System.Text;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using DockGateway.Shared.Witness;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class CloudMetricsTests
{
    [Fact]
    public async Task Metrics_endpoint_counts_the_bytes_of_completed_uploads_and_the_failed_verifications()
    {
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        using var dock = await TestDock.EnrolAsync(host);
        var good = Bytes(300_000, 1);
        Assert.Equal(HttpStatusCode.NoContent, (await UploadAsync(dock, good, Sha256Hex(good), entry: 1)).StatusCode);
        var bad = Bytes(70_000, 2);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync(dock, bad, Sha256Hex(Bytes(70_000, 3)), entry: 2)).StatusCode);

        using var client = host.Client();
        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(300_000, PrometheusText.Value(text, "dockgateway_cloud_upload_size_bytes_total"));
        Assert.Equal(1, PrometheusText.Value(text, "dockgateway_cloud_uploads_total"));
        Assert.Equal(1, PrometheusText.Value(text, "dockgateway_cloud_upload_verification_failures_total"));
        Assert.Equal(0, PrometheusText.Value(text, "dockgateway_cloud_docks_online"));
        // Requests, from the ASP.NET Core instrumentation: both creations answered 201.
        Assert.Equal(2, PrometheusText.Value(text, "http_server_request_duration_seconds_count", "http_response_status_code=\"201\"", "http_route=\"/api/v1/uploads/\""));
    }

    [Fact]
    public async Task Metrics_endpoint_counts_cosigned_checkpoints_and_refusals_by_reason()
    {
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        using var dock = await TestDock.EnrolAsync(host);
        var log = new MerkleTree();
        for (var i = 0; i < 6; i++)
        {
            log.Append(Encoding.UTF8.GetBytes($"entry {i}"));
        }

        Assert.Equal(HttpStatusCode.OK, (await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(3, log.RootHash(3))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AddCheckpointAsync(dock, new AddCheckpointRequest(3, log.ConsistencyProof(3, 6), dock.SignCheckpoint(6, log.RootHash(6))))).StatusCode);
        using var forger = Ed25519PrivateKey.Generate();
        var forged = new NoteSigner(dock.Origin, forger).SignNote(new Checkpoint(dock.Origin, 7, log.RootHash()).ToBody()).ToString();
        Assert.Equal(HttpStatusCode.Forbidden, (await AddCheckpointAsync(dock, new AddCheckpointRequest(6, [], forged))).StatusCode);

        using var client = host.Client();
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(2, PrometheusText.Value(text, "dockgateway_cloud_witness_checkpoints_total", "outcome=\"cosigned\""));
        Assert.Equal(1, PrometheusText.Value(text, "dockgateway_cloud_witness_checkpoints_total", "outcome=\"refused\"", "reason=\"bad-signature\""));
        Assert.Equal(1, PrometheusText.Value(text, "dockgateway_cloud_witness_checkpoints_total", "outcome=\"refused\""));
    }

    [Fact]
    public async Task Docks_online_follows_the_status_the_docks_report()
    {
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        using var first = await TestDock.EnrolAsync(host);
        using var second = await TestDock.EnrolAsync(host);
        var fleet = host.Services.GetRequiredService<FleetStore>();
        using var client = host.Client();
        Task ReportAsync(TestDock dock, bool online) => fleet.ApplyStatusAsync(
            new FleetTopic(dock.Agency, dock.DockId, FleetTopicKind.Status), new DockStatusReport(online, "1.0", 1, 1, null, null),
            host.Time.GetUtcNow(), host.Time.GetUtcNow(), CancellationToken.None);

        await ReportAsync(first, online: true);
        await ReportAsync(second, online: true);
        Assert.Equal(2, PrometheusText.Value(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "dockgateway_cloud_docks_online"));

        await ReportAsync(second, online: false);
        host.Time.Advance(TimeSpan.FromSeconds(6)); // past the gauge's 5 s cache
        await Task.Delay(400); // past the exporter's 300 ms scrape cache
        Assert.Equal(1, PrometheusText.Value(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "dockgateway_cloud_docks_online"));
    }

    private static Task<HttpResponseMessage> AddCheckpointAsync(TestDock dock, AddCheckpointRequest request) =>
        dock.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/witness/add-checkpoint"), Encoding.UTF8.GetBytes(request.Format()));

    private static async Task<HttpResponseMessage> UploadAsync(TestDock dock, byte[] file, string declaredSha256, long entry)
    {
        var created = await dock.SendAsync(Create(file.Length, Metadata(declaredSha256, file.Length, entry)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        return await dock.SendAsync(Patch(location, 0, file), file);
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
