using System.Net;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Metrics;

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
