using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.DockAuth;

/// <summary>
/// Endpoint filter for the dock-facing route groups: a request runs only when
/// <see cref="DockRequestVerifier"/> accepts it; otherwise 401 problem details and nothing runs.
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
        }
        return await next(context);
    }
}
