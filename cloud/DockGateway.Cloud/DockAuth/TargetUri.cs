using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DockGateway.Cloud.DockAuth;

/// <summary>
/// RFC 9421 <c>@target-uri</c> as the client sent it: <c>scheme://host[:port]</c> from the Host
/// header (or X-Forwarded-Proto/Host when trusted) and the raw request target, undecoded.
/// </summary>
public static class TargetUri
{
    public static string For(HttpRequest request, bool trustForwardedHeaders)
    {
        var scheme = request.Scheme;
        var host = request.Host.Value ?? "";
        if (trustForwardedHeaders)
        {
            scheme = First(request.Headers["X-Forwarded-Proto"]) ?? scheme;
            host = First(request.Headers["X-Forwarded-Host"]) ?? host;
        }
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = raw is { Length: > 0 } && raw[0] == '/'
            ? raw
            : $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{request.QueryString.ToUriComponent()}";
        return $"{scheme.ToLowerInvariant()}://{host.ToLowerInvariant()}{target}";
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.ToString().Split(',')[0].Trim();
        return value.Length == 0 ? null : value;
    }
}
