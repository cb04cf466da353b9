using System.Diagnostics;
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
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
