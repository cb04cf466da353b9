using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// Puts <c>Tus-Resumable: 1.0.0</c> on every response of the upload endpoints and answers 412
/// (with <c>Tus-Version</c>) when a request other than OPTIONS lacks it or asks for another version.
/// </summary>
public sealed class TusResumableFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            response.Headers[TusProtocol.TusResumable] = TusProtocol.Version;
            return Task.CompletedTask;
        }, http.Response);

        if (!HttpMethods.IsOptions(http.Request.Method)
            && http.Request.Headers[TusProtocol.TusResumable].ToString() != TusProtocol.Version)
        {
            http.Response.Headers[TusProtocol.TusVersion] = TusProtocol.Version;
            var sent = http.Request.Headers[TusProtocol.TusResumable].ToString();
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "Unsupported tus version",
                detail: sent.Length == 0
                    ? "The Tus-Resumable header is missing; this server speaks tus 1.0.0."
                    : $"Tus-Resumable '{sent}' is not supported; this server speaks tus 1.0.0.");
        }

        return await next(context);
    }
}
