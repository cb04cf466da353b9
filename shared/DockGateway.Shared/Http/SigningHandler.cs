namespace DockGateway.Shared.Http;

/// <summary>
/// An <see cref="HttpClient"/> handler that buffers each request body and signs the request with
/// <see cref="HttpRequestSigner"/> just before it is sent (so retries get a fresh signature).
/// </summary>
public sealed class SigningHandler : DelegatingHandler
{
    private readonly HttpRequestSigner _signer;

    public SigningHandler(HttpRequestSigner signer) => _signer = signer;

    public SigningHandler(HttpRequestSigner signer, HttpMessageHandler innerHandler)
        : base(innerHandler) => _signer = signer;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
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
