using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Registry;

/// <summary>Registers the registry stores and the CSV import.</summary>
public static class RegistryServiceCollectionExtensions
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) => services
        .AddSingleton<AgencyStore>()
        .AddSingleton<OfficerStore>()
        .AddSingleton<RecorderStore>()
        .AddSingleton<RecorderQuery>()
        .AddSingleton<DockStore>()
        .AddSingleton<RegistryImport>();
}
