using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Problems;

/// <summary>Registers RFC 9457 problem details for every error the cloud returns.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddCloudProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var traceId = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions.TryAdd("traceId", traceId);
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && context.ProblemDetails.Detail is null)
            {
                var limit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
                context.ProblemDetails.Detail = limit is null
                    ? "the request body is larger than this endpoint accepts"
                    : $"the request body is larger than this endpoint accepts ({limit} bytes; Cloud:Http:MaxRequestBodyBytes)";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
