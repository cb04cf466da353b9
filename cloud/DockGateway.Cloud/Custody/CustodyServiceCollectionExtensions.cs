using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Custody;

/// <summary>Registers the custody views (overview, refusals, per-file records).</summary>
public static class CustodyServiceCollectionExtensions
{
    public static IServiceCollection AddCustody(this IServiceCollection services) => services
        .AddSingleton<CustodyDockQuery>()
        .AddSingleton<WitnessRejectionQuery>()
        .AddSingleton<DockLeafCache>()
        .AddSingleton<CustodyFileLookup>();
}
