using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Retention;

/// <summary>Retention by rule: holds, the deletion job, its records and the dry run (issue 13 item 3).</summary>
public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddSingleton<HoldStore>();
        services.AddSingleton<RetentionPlanner>();
        services.AddSingleton<DeletionRecordStore>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
