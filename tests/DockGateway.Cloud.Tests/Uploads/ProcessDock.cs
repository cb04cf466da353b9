using System.Net.Http.Headers;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using DockGateway.Testing.Processes;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>A dock enrolled on a real cloud process, sending RFC 9421-signed requests to it (across the cloud's restarts).</summary>
public sealed class ProcessDock : IDisposable
{
    private readonly Ed25519PrivateKey _key;
    private readonly HttpRequestSigner _signer;
    private readonly Uri _baseAddress;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(60) };

    private ProcessDock(Ed25519PrivateKey key, string dockId, string receiptKey, Uri baseAddress)
    {
        _key = key;
        DockId = dockId;
        ReceiptKey = receiptKey;
        _baseAddress = baseAddress;
        _signer = new HttpRequestSigner(dockId, key, TimeProvider.System);
    }

    public string DockId { get; }

    /// <summary>The cloud's receipt verifier key, from the enrolment answer.</summary>
    public string ReceiptKey { get; }

    public static async Task<ProcessDock> EnrolAsync(CloudProcess cloud)
    {
        var key = Ed25519PrivateKey.Generate();
        var enrolment = await cloud.EnrolDockAsync(key.PublicKey);
        return new ProcessDock(key, enrolment.GetProperty("dockId").GetString()!, enrolment.GetProperty("receiptKey").GetString()!, cloud.BaseAddress);
    }

    /// <summary>Signs <paramref name="request"/> (a relative URI, e.g. from <see cref="TusRequests"/>) over <paramref name="body"/> and sends it.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, byte[] body) => _client.SendAsync(Sign(request, body));

    /// <summary>Signs <paramref name="request"/> over <paramref name="body"/> without sending it.</summary>
    public HttpRequestMessage Sign(HttpRequestMessage request, byte[] body)
    {
        request.RequestUri = new Uri(_baseAddress, request.RequestUri!);
        var contentType = request.Content?.Headers.ContentType;
        if (body.Length > 0 || request.Method != HttpMethod.Head)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = contentType;
        }

        _signer.Sign(request, body);
        return request;
    }

    /// <summary>The same signed request again, byte for byte (a replay): headers, signature and body.</summary>
    public Task<HttpResponseMessage> ReplayAsync(HttpRequestMessage original, byte[] body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Content = new ByteArrayContent(body) };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        copy.Content.Headers.ContentType = original.Content?.Headers.ContentType;
        return _client.SendAsync(copy);
    }

    public void Dispose()
    {
        _client.Dispose();
        _key.Dispose();
    }
}
