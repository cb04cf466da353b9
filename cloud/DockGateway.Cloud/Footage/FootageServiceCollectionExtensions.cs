using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Footage;

/// <summary>Registers the footage index: its store and the one-time backfill of entries stored before it existed.</summary>
public static class FootageServiceCollectionExtensions
{
    /// <summary>Call after the storage registrations: the backfill runs once migrations have.</summary>
    public static IServiceCollection AddFootageIndex(this IServiceCollection services)
    {
        services.AddSingleton<FootageStore>();
        services.AddHostedService<FootageBackfill>();
        return services;
    }
}
