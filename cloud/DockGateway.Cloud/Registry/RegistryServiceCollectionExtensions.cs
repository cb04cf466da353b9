using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Registry;

/// <summary>Registers the registry stores.</summary>
public static class RegistryServiceCollectionExtensions
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) => services;
}
