namespace DockGateway.Shared.Http;

/// <summary>
/// An <see cref="HttpClient"/> handler that signs each request with <see cref="HttpRequestSigner"/> just
/// before it is sent (so retries get a fresh signature). A body that knows its SHA-256
/// (<see cref="IKnownDigestContent"/>, e.g. an upload chunk streamed from a file) is signed with that
/// digest and streams; any other body is buffered first to compute it.
/// </summary>
public sealed class SigningHandler : DelegatingHandler
{
    private readonly HttpRequestSigner _signer;

    public SigningHandler(HttpRequestSigner signer) => _signer = signer;

    public SigningHandler(HttpRequestSigner signer, HttpMessageHandler innerHandler)
        : base(innerHandler) => _signer = signer;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is IKnownDigestContent known)
        {
            _signer.Sign(request, ContentDigest.FromSha256(known.Sha256.Span));
            return await base.SendAsync(request, cancellationToken);
        }

        byte[] body = [];
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken);
            var buffered = new ByteArrayContent(body);
            foreach (var header in content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = buffered;
            content.Dispose();
        }

        _signer.Sign(request, body);
        return await base.SendAsync(request, cancellationToken);
    }
}
