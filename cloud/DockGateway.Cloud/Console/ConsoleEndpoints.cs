using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Console;

/// <summary>
/// <c>GET /console</c>: the web console (HTML, CSS, JS modules and the zh-CN/en dictionaries embedded in this
/// assembly, no external assets). It holds no data: the scripts call the JSON API with the bearer token the
/// person pasted (kept in sessionStorage, sent only in the Authorization header). The shell's <c>lang</c>
/// follows Accept-Language (<see cref="ConsoleLanguage"/>); a strict Content-Security-Policy, no inline scripts.
/// </summary>
public static class ConsoleEndpoints
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; media-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console", (HttpContext http) => Shell(http)).ExcludeFromDescription();
        app.MapGet("/console/{**file}", (string file, HttpContext http) => Serve(http, file)).ExcludeFromDescription();
        return app;
    }

    private static IResult Shell(HttpContext http)
    {
        var language = ConsoleLanguage.FromAcceptLanguage(http.Request.Headers.AcceptLanguage.ToString());
        var html = ConsoleAssets.Shell.Replace("<html lang=\"zh-CN\">", $"<html lang=\"{language}\">", StringComparison.Ordinal);
        Secure(http);
        http.Response.Headers.Vary = "Accept-Language";
        return Results.Text(html, "text/html; charset=utf-8");
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (!ConsoleAssets.TryGet(file, out var contentType, out var content))
        {
            return Problems.ProblemResults.NotFound($"no console file '{file}'");
        }

        Secure(http);
        return Results.Bytes(content, contentType);
    }

    private static void Secure(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
    }
}
