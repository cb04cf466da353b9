using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DockGateway.Cloud.Problems;

/// <summary>
/// Turns request-reading failures into RFC 9457 problem details in the caller's terms: malformed JSON,
/// unknown or wrongly typed fields and bad query or route values give 400 with <c>errors</c> keyed by
/// the JSON field or parameter name ("since": ["expected an ISO 8601 time"]); an oversize body 413;
/// anything else the status the framework chose. Never a .NET type or parameter declaration.
/// Minimal APIs throw these because <c>ThrowOnBadRequest</c> is on.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = Describe(httpContext, bad);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(HttpContext httpContext, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = "The request body is too large." };
        }

        if (FindJsonException(bad) is { } json)
        {
            var (field, message) = JsonBodyError.Describe(json);
            return Invalid("The request body is not valid JSON for this endpoint.", field, message);
        }

        if (ParameterBindingError.Describe(httpContext, bad) is { } parameter)
        {
            return Invalid("The request has invalid parameters.", parameter.Field, parameter.Message);
        }

        // Content-type and similar failures: the framework's text names no types, but say it plainly.
        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? $"this endpoint accepts application/json, not {httpContext.Request.ContentType ?? "a body without a Content-Type"}"
                : null,
        };
    }

    private static ProblemDetails Invalid(string title, string field, string message)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = title, Detail = $"{field}: {message}" };
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return problem;
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
