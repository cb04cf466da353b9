using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Auth;

/// <summary>
/// <c>Authorization: Bearer dgw_…</c>: hashes the token and looks the hash up. Challenges and
/// refusals are answered as problem details (401 with <c>WWW-Authenticate: Bearer</c>, 403).
/// Requests with no bearer token are left to other schemes (docks sign their requests instead).
/// </summary>
public sealed class PeopleTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PeopleTokenStore store,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PeopleToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var person = token.Length == 0 ? null : await store.FindActiveByHashAsync(TokenHash.Sha256Hex(token), Context.RequestAborted);
        if (person is null)
        {
            return AuthenticateResult.Fail("unknown or revoked bearer token");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, person.Name),
            new(ClaimTypes.Role, person.Role),
            new(CloudClaims.TokenId, person.Id),
        };
        claims.AddRange(person.Agencies.Select(a => new Claim(CloudClaims.Agency, a)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Authentication required.",
            Detail = result.Failure?.Message ?? "send Authorization: Bearer <token>",
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = "your role does not allow this operation",
        });
    }

    private async Task WriteAsync(ProblemDetails problem) =>
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
}
