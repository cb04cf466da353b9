using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DockGateway.Cloud.ApiReference;

/// <summary>
/// The document's title, its two security schemes (bearer tokens for people, the dock's RFC 9421 HTTP
/// message signature) and the RFC 9457 problem schema every 4xx answer uses.
/// </summary>
public sealed class CloudDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string DockSignature = "dockSignature";
    public const string Problem = "Problem";

    private static readonly Dictionary<string, string> s_tagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness of the service and its database, for load balancers and monitoring.",
        ["People"] = "Bearer tokens for people (admins, auditors, equipment managers) and who the caller is.",
        ["Audit"] = "The access log: who read or exported what.",
        ["Registry"] = "Agencies, officers, recorders and docks, with CSV imports.",
        ["Ratios"] = "Recorders in service per officer against each agency's minimum.",
        ["Statistics"] = "Per-agency equipment figures for publication.",
        ["Fleet"] = "Docks' live status and alerts, as reported over MQTT.",
        ["Enrolment"] = "One-time enrolment tokens and a dock's enrolment with its Ed25519 key.",
        ["Uploads"] = "tus 1.0.0 resumable footage uploads by docks, answered with signed receipts.",
        ["Witness"] = "C2SP tlog-witness cosigning of docks' custody checkpoints, and the mirrored custody entries.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "DockGateway cloud API";
        document.Info.Description = "Registry, ratios, statistics, fleet and audit for people (bearer tokens); enrolment, tus uploads and witnessing for docks (RFC 9421 signatures). Errors are RFC 9457 problem details.";
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/'); // "http://host:port/" -> "http://host:port"
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A people token (POST /api/v1/tokens, or the bootstrap admin token) as Authorization: Bearer <token>.",
        };
        document.Components.SecuritySchemes[DockSignature] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Signature",
            Description = "RFC 9421 HTTP message signature by the dock's enrolled Ed25519 key: Signature-Input and Signature headers "
                + "covering @method, @target-uri, Content-Digest (RFC 9530, sha-256) and every tus header the request carries "
                + "(Tus-Resumable, Upload-Length, Upload-Offset, Upload-Metadata, Upload-Checksum), with created, keyid = the dock id "
                + "and a required nonce. OpenAPI has no "
                + "native 9421 type, so it is described here as a header.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        document.Components.Schemas.Remove("ProblemDetails"); // every 4xx uses Problem (CloudOperationTransformer)
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= s_tagDescriptions.GetValueOrDefault(tag.Name ?? string.Empty);
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; errors maps a JSON field, query parameter or CSV line to what is wrong with it.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
