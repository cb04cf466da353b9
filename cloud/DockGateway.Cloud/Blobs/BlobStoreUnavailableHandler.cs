using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Blobs;

/// <summary>
/// Answers a request the footage store failed (<see cref="BlobStoreUnavailableException"/>) with 503, a Retry-After
/// and RFC 9457 problem details, instead of a 500: the dock keeps its file and its partial upload, and retries.
/// </summary>
public sealed class BlobStoreUnavailableHandler(IProblemDetailsService problems, ILogger<BlobStoreUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds the dock is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BlobStoreUnavailableException unavailable)
        {
            return false;
        }

        logger.LogWarning("{Method} {Path}: the footage store is unavailable ({Reason}); answered 503",
            httpContext.Request.Method, httpContext.Request.Path, unavailable.InnerException?.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Footage store unavailable",
            Detail = unavailable.Message + " Nothing received was lost; try again later.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
