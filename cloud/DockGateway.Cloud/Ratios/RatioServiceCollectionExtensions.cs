using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Ratios;

/// <summary>Registers the ratio query.</summary>
public static class RatioServiceCollectionExtensions
{
    public static IServiceCollection AddRatios(this IServiceCollection services) => services.AddSingleton<RatioQuery>().AddSingleton<RatioSummaryQuery>().AddSingleton<OverdueQuery>();
}
