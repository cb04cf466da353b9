using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;

namespace DockGateway.Cloud.ApiReference;

/// <summary><c>/openapi/v1.json</c> completed by the transformers, and the Scalar reference page at <c>/docs</c> (its script served from the package, no CDN).</summary>
public static class ApiReferenceExtensions
{
    public static void AddCloudDocument(this OpenApiOptions options)
    {
        options.AddDocumentTransformer<CloudDocumentTransformer>();
        options.AddOperationTransformer<CloudOperationTransformer>();
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("DockGateway cloud API"));
        return app;
    }
}
