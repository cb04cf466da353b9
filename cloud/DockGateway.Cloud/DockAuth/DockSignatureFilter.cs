using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DockGateway.Cloud.DockAuth;

/// <summary>
/// Endpoint filter for the dock-facing route groups: a request runs only when
/// <see cref="DockRequestVerifier"/> accepts it; otherwise 401 problem details and nothing runs. For a streamed
/// body the endpoint records the signature's replay-cache row with its own commit (<see cref="PendingReplay"/>);
/// what it leaves unrecorded is recorded here after it.
/// </summary>
public sealed class DockSignatureFilter(DockRequestVerifier verifier) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var streamed = http.GetEndpoint()?.Metadata.GetMetadata<StreamedBodyMetadata>() is not null;
        var outcome = await verifier.VerifyAsync(http, streamed, http.RequestAborted);
        if (outcome.Dock is null)
        {
            return TypedResults.Problem(
                statusCode: outcome.Status,
                title: outcome.Status == StatusCodes.Status401Unauthorized ? "Dock signature rejected" : "Body too large",
                detail: outcome.Problem);
        }
        http.Items[DockHttpContextExtensions.IdentityKey] = outcome.Dock;
        if (streamed)
        {
            http.Items[DockHttpContextExtensions.StreamedDigestKey] = outcome.BodySha256;
            http.Items[DockHttpContextExtensions.PendingReplayKey] = outcome.Replay;
        }
        var result = await next(context);
        if (outcome.Replay is { Recorded: false } pending && !await verifier.RecordAsync(pending, http.Request, CancellationToken.None))
        {
            // The endpoint did not record the signature with its own commit (a refusal, a completion, which are
            // idempotent): recorded now, and a replay that raced past the first check is refused after all.
            return AlreadyUsed();
        }
        return result;
    }

    private static ProblemHttpResult AlreadyUsed() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Dock signature rejected", detail: DockRequestVerifier.AlreadyUsed);
}
