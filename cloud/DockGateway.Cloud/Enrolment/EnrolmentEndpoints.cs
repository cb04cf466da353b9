using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Witness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Enrolment;

/// <summary>
/// <c>POST /api/v1/agencies/{code}/enrolment-tokens</c> (admin, or that agency's equipment manager)
/// and <c>POST /api/v1/docks/enrol</c> (anonymous; the one-time token is the credential).
/// </summary>
public static class EnrolmentEndpoints
{
    public static void MapEnrolment(this IEndpointRouteBuilder api)
    {
        api.MapPost("/agencies/{code}/enrolment-tokens", CreateTokenAsync).RequirePeople(CloudPolicies.Manage).WithTags("Enrolment")
            .WithSummary("Issue a one-time dock enrolment token")
            .WithDescription("For an agency the caller may manage; the token is shown in this answer only and expires after Cloud:Enrolment:TokenLifetime.")
            .Produces<EnrolmentTokenResponse>(StatusCodes.Status201Created);
        api.MapPost("/docks/enrol", EnrolAsync).AllowAnonymous().WithTags("Enrolment")
            .WithSummary("Enrol a dock with its Ed25519 public key")
            .WithDescription("Anonymous: the one-time enrolment token in the body is the credential. Answers the dock's id, its custody-log origin and the cloud's cosigner and receipt verifier keys; Location names the dock.")
            .Produces<DockEnrolmentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
    }

    private static async Task<IResult> CreateTokenAsync(
        string code, HttpContext http, IEnrolmentStore store, IOptions<EnrolmentOptions> options, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var caller = CallerScope.From(http.User);
        if (!caller.CanChange(code) || !await store.AgencyExistsAsync(code, cancellationToken))
        {
            return ProblemResults.NotFound($"Agency '{code}' does not exist or is not yours to manage.");
        }
        var token = "dgw-enrol-" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        await store.CreateTokenAsync(TokenSha256(token), code, caller.TokenId, now, expires, cancellationToken);
        loggers.CreateLogger(typeof(EnrolmentEndpoints)).LogInformation(
            "{Caller} created an enrolment token for agency {Agency}, valid until {Expires}", caller.Name, code, expires);
        return Results.Json(new EnrolmentTokenResponse(token, code, expires), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> EnrolAsync(
        DockEnrolmentRequest request, IEnrolmentStore store, CloudSigningKeys keys, IOptions<WitnessOptions> witness,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        var dock = new DockRegistration(DockIds.New(), request.Site!.Trim(), request.Slots!.Value, Convert.FromBase64String(request.PublicKey!));
        var (outcome, agency, origin) = await store.EnrolAsync(
            TokenSha256(request.Token!), dock, a => DockIds.Origin(a, witness.Value.OriginDomain, dock.DockId), time.GetUtcNow(), cancellationToken);
        var logger = loggers.CreateLogger(typeof(EnrolmentEndpoints));
        switch (outcome)
        {
            case EnrolmentOutcome.Enrolled:
                logger.LogInformation("Dock {Dock} enrolled for agency {Agency} at {Site} with {Slots} slots; origin {Origin}",
                    dock.DockId, agency, dock.Site, dock.Slots, origin);
                return Results.Created(
                    $"/api/v1/docks/{dock.DockId}",
                    new DockEnrolmentResponse(dock.DockId, agency!, origin!, keys.Cosigner.VerifierKey, keys.ReceiptSigner.VerifierKey));
            case EnrolmentOutcome.TokenUsed:
                logger.LogWarning("Enrolment refused: token for agency {Agency} already used", agency);
                return Results.Problem(statusCode: 409, title: "Enrolment token already used", detail: "This enrolment token was already used; ask for a new one.");
            case EnrolmentOutcome.TokenExpired:
                return Results.Problem(statusCode: 410, title: "Enrolment token expired", detail: "This enrolment token has expired; ask for a new one.");
            case EnrolmentOutcome.KeyAlreadyEnrolled:
                return Results.Problem(statusCode: 409, title: "Key already enrolled", detail: "'publicKey' is already enrolled for another dock.");
            default:
                return Results.Problem(statusCode: 401, title: "Unknown enrolment token", detail: "'token' is not a valid enrolment token.");
        }
    }

    private static IResult? Validate(DockEnrolmentRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
        {
            return ProblemResults.Validation("token", "The enrolment token is required.");
        }
        if (!IsEd25519PublicKey(request.PublicKey))
        {
            return ProblemResults.Validation("publicKey", "Must be a 32-byte Ed25519 public key in standard base64.");
        }
        if (string.IsNullOrWhiteSpace(request.Site) || request.Site.Length > 200)
        {
            return ProblemResults.Validation("site", "The site is required (at most 200 characters).");
        }
        return request.Slots is null or < 1 or > 64
            ? ProblemResults.Validation("slots", "Slots must be a whole number from 1 to 64.")
            : null;
    }

    private static bool IsEd25519PublicKey(string? value)
    {
        var bytes = new byte[33];
        return value is not null && Convert.TryFromBase64String(value, bytes, out var written) && written == 32;
    }

    private static string TokenSha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
