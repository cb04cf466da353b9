using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.ApiReference;

/// <summary>Declarations an endpoint makes for /openapi/v1.json beyond what <c>Produces</c> can say.</summary>
public static class ApiReferenceEndpointExtensions
{
    /// <summary>The 200 answer is also available as <c>text/csv</c> (<c>?format=csv</c> or <c>Accept: text/csv</c>).</summary>
    public static RouteHandlerBuilder ProducesCsv(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AlternativeBody(StatusCodes.Status200OK, "text/csv",
            "UTF-8 CSV with a header row, sent as an attachment; every CSV download is written to the access log."));

    /// <summary>The answer <paramref name="status"/> carries the header <paramref name="name"/>.</summary>
    public static RouteHandlerBuilder ProducesHeader(this RouteHandlerBuilder builder, int status, string name, string description) =>
        builder.WithMetadata(new AnswerHeader(status, name, description));

    /// <summary>The answer <paramref name="status"/> is a plain string body of <paramref name="contentType"/>.</summary>
    public static RouteHandlerBuilder ProducesText(this RouteHandlerBuilder builder, int status, string contentType, string description) =>
        builder.WithMetadata(new AlternativeBody(status, contentType, description));
}
