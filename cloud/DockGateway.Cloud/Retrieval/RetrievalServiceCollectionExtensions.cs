using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Retrieval;

/// <summary>Footage search, viewing and downloads under supervision (issue 13 item 1).</summary>
public static class RetrievalServiceCollectionExtensions
{
    public static IServiceCollection AddRetrieval(this IServiceCollection services)
    {
        services.AddSingleton<FootageSearch>();
        services.AddSingleton<EvidenceSettingsStore>();
        services.AddSingleton<DownloadRequestStore>();
        return services;
    }

    public static RouteGroupBuilder MapRetrieval(this RouteGroupBuilder api) =>
        api.MapFootage().MapFootageContent().MapDownloadRequests().MapEvidenceSettings();
}
