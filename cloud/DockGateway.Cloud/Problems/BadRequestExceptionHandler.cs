using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DockGateway.Cloud.Problems;

/// <summary>
/// Turns request-reading failures into RFC 9457 problem details: malformed JSON and unknown fields give
/// 400 naming the field (<c>errors</c> keyed by JSON path), an oversize body 413, anything else the
/// status the framework chose. Minimal APIs throw these because <c>ThrowOnBadRequest</c> is on.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = FindJsonException(exception);
        var problem = new ProblemDetails { Status = bad.StatusCode };
        if (json is not null)
        {
            var field = JsonField(json.Path);
            problem.Status = StatusCodes.Status400BadRequest;
            problem.Title = "The request body is not valid JSON for this endpoint.";
            problem.Detail = json.Message;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [FieldMessage(json)] };
        }
        else if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            problem.Title = "The request body is too large.";
            problem.Detail = bad.Message;
        }
        else
        {
            problem.Title = "The request could not be read.";
            problem.Detail = bad.Message;
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
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

    private static string FieldMessage(JsonException json) =>
        json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "unknown field"
            : "malformed value or JSON syntax";

    /// <summary><c>$.officerCount</c> -> <c>officerCount</c>; <c>$</c> or none -> <c>$</c>.</summary>
    public static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
