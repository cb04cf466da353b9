using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Cases;

/// <summary>Cases, their archive deadline and archive packages (issue 13 item 2).</summary>
public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseStore>();
        services.AddSingleton<DockBundleWriter>();
        services.AddSingleton<CasePackageWriter>();
        services.AddSingleton<CaseDeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseDeadlineJob>());
        return services;
    }

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api) => api.MapCases().MapCasePackage();
}
