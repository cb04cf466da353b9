using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Reads a request body into memory up to a limit and rewinds the request onto the copy.</summary>
public static class BodyBuffer
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // Signed dock bodies are governed by DockAuth:MaxBodyBytes, checked below.
            feature.MaxRequestBodySize = null;
        }
        var copy = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        request.Body = copy;
        request.HttpContext.Response.RegisterForDispose(copy);
        return copy;
    }
}
