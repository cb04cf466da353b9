using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Dashboard;

/// <summary>
/// <c>GET /dashboard</c>: a static page (HTML, CSS, JS embedded in this assembly, no external assets) for
/// equipment managers. It holds no data: the script calls the JSON API with the bearer token typed into
/// the page, so the API's scoping applies unchanged. Served with a strict Content-Security-Policy.
/// </summary>
public static class DashboardEndpoints
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (string ContentType, byte[] Content)> s_assets = new Dictionary<string, (string, byte[])>
    {
        ["dashboard.html"] = ("text/html; charset=utf-8", Read("dashboard.html")),
        ["dashboard.css"] = ("text/css; charset=utf-8", Read("dashboard.css")),
        ["dashboard.js"] = ("text/javascript; charset=utf-8", Read("dashboard.js")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", (HttpContext http) => Serve(http, "dashboard.html")).ExcludeFromDescription();
        app.MapGet("/dashboard/{file}", (string file, HttpContext http) => Serve(http, file)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (!s_assets.TryGetValue(file, out var asset))
        {
            return Problems.ProblemResults.NotFound($"no dashboard file '{file}'");
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"The embedded dashboard file '{name}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
