using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Problems;

/// <summary>
/// A minimal-API binding failure ("Failed to bind parameter "Nullable&lt;DateTimeOffset&gt; since" from "x"")
/// said in the request's terms: <c>since: expected an ISO 8601 time</c>. The parameter's type comes from
/// the endpoint's handler, not from the framework's message.
/// </summary>
public static partial class ParameterBindingError
{
    public static (string Field, string Message)? Describe(HttpContext httpContext, BadHttpRequestException bad)
    {
        var match = Declaration().Match(bad.Message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        if (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return bad.Message.EndsWith("from body.", StringComparison.Ordinal) ? ("$", "the request body is missing") : (name, "required");
        }

        if (bad.Message.Contains("from the request body", StringComparison.Ordinal) || bad.Message.StartsWith("Implicit body", StringComparison.Ordinal))
        {
            return ("$", "the request body could not be read");
        }

        // The exception handler clears the endpoint before it runs; the feature keeps the one that threw.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .FirstOrDefault(p => p.Name == name)?.ParameterType;
        return (name, type is null ? "not a valid value" : ExpectedValue.For(type));
    }

    // "<type> <name>" inside the first quotes; the type may hold spaces and generics (Nullable<DateTimeOffset>).
    [GeneratedRegex("^[^\"]*\"(?<type>[^\"]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex Declaration();
}
