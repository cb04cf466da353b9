using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using DockGateway.Shared.Notes;
using DockGateway.Testing.Fleet;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing.Processes;

namespace DockGateway.Testing.Swarm;

/// <summary>
/// One simulated dock of a swarm: its own enrolled Ed25519 key, RFC 9421-signed tus requests through the load
/// balancer, and its MQTT status and one <c>late</c> event per file (alerts, stored once each). Like the real dock it
/// retries what failed: a refused or cut request is followed by HEAD to learn the offset, and the upload goes on.
/// </summary>
public sealed class SwarmDock : IAsyncDisposable
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _http;
    private readonly HttpRequestSigner _signer;
    private readonly Ed25519PrivateKey _key;
    private readonly NoteVerifier _receiptKey;
    private readonly SimulatedDock _mqtt;

    private SwarmDock(HttpClient http, Ed25519PrivateKey key, string dockId, string receiptKey, SimulatedDock mqtt)
    {
        _http = http;
        _key = key;
        _signer = new HttpRequestSigner(dockId, key, TimeProvider.System);
        _receiptKey = NoteVerifier.Parse(receiptKey);
        _mqtt = mqtt;
        DockId = dockId;
    }

    public string DockId { get; }

    /// <summary>Requests that failed and were retried (a cut connection, a 5xx or a 409 while an instance was down).</summary>
    public int Retries { get; private set; }

    public static async Task<SwarmDock> EnrolAsync(Uri balancer, string adminToken, string agency, MosquittoBroker broker)
    {
        var key = Ed25519PrivateKey.Generate();
        using var admin = new CloudAdminClient(balancer, adminToken);
        await admin.EnsureAgencyAsync(agency, "Agency " + agency, 20);
        var enrolment = await admin.EnrolDockAsync(agency, key.PublicKey, "Swarm station", 4);
        var dockId = enrolment.GetProperty("dockId").GetString()!;
        var mqtt = await SimulatedDock.ConnectAsync(broker, agency, dockId);
        await mqtt.PublishStatusAsync();
        var http = new HttpClient { BaseAddress = balancer, Timeout = TimeSpan.FromSeconds(60) };
        return new SwarmDock(http, key, dockId, enrolment.GetProperty("receiptKey").GetString()!, mqtt);
    }

    /// <summary>Uploads <paramref name="file"/> as custody entry <paramref name="entry"/> until the cloud's receipt verifies;
    /// returns the time from the file's commit (the call) to its receipt.</summary>
    public async Task<TimeSpan> UploadAsync(byte[] file, long entry, int chunkBytes)
    {
        var clock = Stopwatch.StartNew();
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        var location = await CreateAsync(file.Length, sha256, entry);
        long offset = 0;
        while (true)
        {
            var length = (int)Math.Min(chunkBytes, file.Length - offset);
            var chunk = file.AsMemory((int)offset, length).ToArray();
            var (status, receipt, next) = await SendAsync(Patch(location, offset, chunk), chunk);
            if (status == HttpStatusCode.NoContent && receipt is not null)
            {
                Verify(receipt, sha256);
                await _mqtt.PublishEventAsync("late", $"custody:{entry.ToString(CultureInfo.InvariantCulture)}");
                return clock.Elapsed;
            }

            if (status == HttpStatusCode.NoContent)
            {
                offset = next!.Value;
                continue;
            }

            Retries++;
            await Task.Delay(s_retryDelay);
            (offset, receipt) = await HeadAsync(location);
            if (receipt is not null)
            {
                Verify(receipt, sha256);
                await _mqtt.PublishEventAsync("late", $"custody:{entry.ToString(CultureInfo.InvariantCulture)}");
                return clock.Elapsed;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _mqtt.DisposeAsync();
        _http.Dispose();
        _key.Dispose();
    }

    private async Task<Uri> CreateAsync(long length, string sha256, long entry)
    {
        var metadata = string.Join(",", "sha256 " + B64(sha256), "size " + B64(length.ToString(CultureInfo.InvariantCulture)),
            "entry " + B64(entry.ToString(CultureInfo.InvariantCulture)), "filename " + B64($"swarm-{entry}.mp4"));
        while (true)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, new Uri(_http.BaseAddress!, "/api/v1/uploads/"));
            create.Headers.Add("Tus-Resumable", "1.0.0");
            create.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
            create.Headers.Add("Upload-Metadata", metadata);
            create.Content = new ByteArrayContent([]);
            var (status, response) = await TrySendAsync(create, []);
            using (response)
            {
                if (status == HttpStatusCode.Created)
                {
                    return new Uri(_http.BaseAddress!, response!.Headers.Location!);
                }
            }

            Retries++; // a create whose answer was lost leaves an empty upload behind, which expires
            await Task.Delay(s_retryDelay);
        }
    }

    private async Task<(long Offset, string? Receipt)> HeadAsync(Uri location)
    {
        while (true)
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, location);
            head.Headers.Add("Tus-Resumable", "1.0.0");
            var (status, response) = await TrySendAsync(head, []);
            using (response)
            {
                if (status == HttpStatusCode.OK)
                {
                    return (Offset(response!), Receipt(response!));
                }
            }

            Retries++;
            await Task.Delay(s_retryDelay);
        }
    }

    private async Task<(HttpStatusCode? Status, string? Receipt, long? Offset)> SendAsync(HttpRequestMessage request, byte[] body)
    {
        using (request)
        {
            var (status, response) = await TrySendAsync(request, body);
            using (response)
            {
                return status == HttpStatusCode.NoContent ? (status, Receipt(response!), Offset(response!)) : (status, null, null);
            }
        }
    }

    /// <summary>Signs and sends; a connection cut or refused gives a null status (the caller retries).</summary>
    private async Task<(HttpStatusCode? Status, HttpResponseMessage? Response)> TrySendAsync(HttpRequestMessage request, byte[] body)
    {
        _signer.Sign(request, body);
        try
        {
            var response = await _http.SendAsync(request);
            return (response.StatusCode, response);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (null, null);
        }
    }

    private static HttpRequestMessage Patch(Uri location, long offset, byte[] chunk)
    {
        var patch = new HttpRequestMessage(HttpMethod.Patch, location);
        patch.Headers.Add("Tus-Resumable", "1.0.0");
        patch.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        patch.Content = new ByteArrayContent(chunk);
        patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return patch;
    }

    private void Verify(string receipt, string sha256)
    {
        var note = NoteVerification.Open(receipt, [_receiptKey]);
        if (!note.Text.Contains(sha256, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"dock {DockId}: the receipt does not name {sha256}:\n{note.Text}");
        }
    }

    private static long Offset(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);

    private static string? Receipt(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Upload-Receipt", out var values)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(values.Single()))
            : null;

    private static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
