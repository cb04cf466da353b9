using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DockGateway.Cloud.ApiReference;

/// <summary>
/// Completes every operation: an operationId where the endpoint gives none (from its method and
/// route), a tag, its security requirement (bearer for people's endpoints, the dock signature for
/// dock-facing ones, none for the public ones), the alternative bodies endpoints declare
/// (<see cref="AlternativeBody"/>) and problem+json 4xx answers, every one with the one
/// <see cref="CloudDocumentTransformer.Problem"/> schema. Summaries are the endpoints' own
/// (<c>WithSummary</c>): none is made up here, so an endpoint without one fails OpenApiDocumentTests.
/// </summary>
public sealed class CloudOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;

        operation.OperationId ??= OperationNames.Id(method, path);
        if (operation.Tags is null || operation.Tags.Count == 0)
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(OperationNames.Tag(path), context.Document) };
        }

        DeclareRouteParameters(operation, path);
        var scheme = metadata.OfType<IAllowAnonymous>().Any()
            ? OperationNames.IsDockSigned(method, path) ? CloudDocumentTransformer.DockSignature : null
            : CloudDocumentTransformer.Bearer;
        operation.Security = scheme is null
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];

        operation.Responses ??= [];
        foreach (var alternative in metadata.OfType<AlternativeBody>())
        {
            AddAlternative(operation, alternative);
        }

        foreach (var header in metadata.OfType<AnswerHeader>())
        {
            AddHeader(operation, header);
        }

        UseProblemSchema(operation, context);
        AddProblem(operation, context, "400", "The request is malformed or has invalid fields.");
        if (scheme is not null)
        {
            AddProblem(operation, context, "401", scheme == CloudDocumentTransformer.Bearer ? "No valid bearer token." : "No valid dock signature.");
        }

        if (scheme == CloudDocumentTransformer.Bearer)
        {
            AddProblem(operation, context, "403", "The token's role or agencies do not allow this.");
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(operation, context, "404", "No such resource (or not visible to the caller).");
        }

        return Task.CompletedTask;
    }

    /// <summary>Handlers that read route values from HttpContext (the tus ones) declare no parameter; the route does.</summary>
    private static void DeclareRouteParameters(OpenApiOperation operation, string path)
    {
        operation.Parameters ??= [];
        foreach (var name in OperationNames.RouteParameters(path))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
    }

    private static void AddAlternative(OpenApiOperation operation, AlternativeBody alternative)
    {
        var status = alternative.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.TryGetValue(status, out var response) || response is not OpenApiResponse concrete)
        {
            concrete = new OpenApiResponse { Description = alternative.Description };
            operation.Responses[status] = concrete;
        }
        else
        {
            concrete.Description = string.IsNullOrEmpty(concrete.Description) || concrete.Description is "OK" or "Created"
                ? alternative.Description
                : $"{concrete.Description} {alternative.Description}";
        }

        concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
        concrete.Content[alternative.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }

    private static void AddHeader(OpenApiOperation operation, AnswerHeader header)
    {
        var status = header.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(status, out var response) && response is OpenApiResponse concrete)
        {
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers[header.Name] = new OpenApiHeader
            {
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    /// <summary>Every 4xx and 5xx declared with <c>ProducesProblem</c> (or without a body) answers the one problem schema.</summary>
    private static void UseProblemSchema(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var (status, response) in operation.Responses!.Where(r => r.Key[0] is '4' or '5').ToList())
        {
            if (response is not OpenApiResponse concrete || concrete.Content is { Count: > 0 } content && !content.ContainsKey("application/problem+json"))
            {
                continue; // a protocol-defined body (tlog-witness's 409 text/x.tlog.size)
            }

            concrete.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(CloudDocumentTransformer.Problem, context.Document) },
            };
            if (string.IsNullOrEmpty(concrete.Description) || concrete.Description == ReasonPhrase(status))
            {
                concrete.Description = ReasonPhrase(status);
            }
        }
    }

    private static string ReasonPhrase(string status) =>
        int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code) is { Length: > 0 } phrase ? phrase : status
            : status;

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(CloudDocumentTransformer.Problem, context.Document) },
            },
        };
    }
}
