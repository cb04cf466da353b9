using System.Globalization;
using System.Net;
using DockGateway.Device.Custody;
using DockGateway.Device.Sync;
using DockGateway.Device.Tests.Support;
using DockGateway.Shared.Crypto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Device.Tests.Sync;

/// <summary>The upload worker's retry rate when the cloud never hands out a receipt, over simulated minutes.</summary>
public sealed class UploadBackoffTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-backoff-").FullName;

    [Fact]
    public async Task A_worker_whose_cloud_never_answers_with_a_receipt_makes_a_bounded_number_of_requests()
    {
        const int files = 20;
        var time = new SimulatedTime(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var cloud = new ReceiptlessCloud();
        var options = new SyncOptions { CloudUrl = new Uri("http://127.0.0.1:9/"), DockId = "dock-1", RetryAttempts = 2, RetryDelay = TimeSpan.FromSeconds(1) };
        var footage = Path.Combine(_directory, "footage");
        Directory.CreateDirectory(footage);
        using var backlog = new UploadBacklog(Path.Combine(_directory, "sync.db"));
        using var key = Ed25519PrivateKey.Generate();
        using var log = new CustodyLog(CustodyStore.Open(_directory), new CheckpointSigner("agency.dockgateway/dock-1", key), "dock-1", 1000, time, [],
            NullLogger<CustodyLog>.Instance);
        for (var i = 0; i < files; i++)
        {
            var name = i.ToString(CultureInfo.InvariantCulture) + ".mp4";
            await File.WriteAllBytesAsync(Path.Combine(footage, name), [1, 2, 3, 4]);
            backlog.Enqueue(i, new string('a', 64), 4, name, "SN-1");
        }

        using var http = new HttpClient(cloud) { BaseAddress = options.CloudUrl };
        var worker = new UploadWorker(backlog, new TusClient(http), log, footage, options, time, NullLogger<UploadWorker>.Instance);
        await Task.Run(() => worker.StartAsync(CancellationToken.None));
        try
        {
            // Ten simulated minutes in half-second steps, each given a little real time to run.
            for (var step = 0; step < 1200; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
                await Task.Delay(2);
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        output.WriteLine($"{cloud.Requests} requests from {files} files in 10 simulated minutes");

        // Backoff from 1 s doubling to the 5 min cap: about ten attempts in ten minutes, whatever the number of files.
        Assert.InRange(cloud.Requests, 1, 40);
        Assert.Equal(0, worker.Acknowledged);
    }

    [Fact]
    public void The_backoff_starts_at_the_retry_delay_doubles_per_failure_and_stops_at_the_maximum()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, backoff.After(0));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.After(1));
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.After(3));
        Assert.Equal(TimeSpan.FromSeconds(256), backoff.After(9));
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.After(10));
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.After(int.MaxValue));
    }

    [Fact]
    public void A_maximum_retry_delay_below_the_retry_delay_stops_the_dock_naming_the_key()
    {
        var options = new SyncOptions
        {
            CloudUrl = new Uri("http://127.0.0.1:9/"), DockId = "dock-1", RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(5),
        };
        var result = new SyncOptionsValidator().Validate(null, options);
        Assert.Contains(result.Failures!, f => f.StartsWith("Sync:MaxRetryDelay", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A cloud that accepts every upload and reports every byte received, but never signs a receipt.</summary>
    private sealed class ReceiptlessCloud : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Interlocked.Increment(ref _requests);
            var response = new HttpResponseMessage(request.Method == HttpMethod.Post ? HttpStatusCode.Created
                : request.Method == HttpMethod.Head ? HttpStatusCode.OK : HttpStatusCode.NoContent);
            response.Headers.Add("Upload-Offset", "4");
            if (request.Method == HttpMethod.Post)
            {
                response.Headers.Location = new Uri("api/v1/uploads/" + Guid.NewGuid().ToString("N"), UriKind.Relative);
            }

            return response;
        }
    }
}
