using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Auth;

/// <summary>Registers how people sign in: bearer tokens, roles, policies, and the bootstrap admin.</summary>
public static class PeopleServiceCollectionExtensions
{
    /// <summary>Call after the storage registrations: the bootstrap admin is created once migrations have run.</summary>
    public static IServiceCollection AddPeopleAuth(this IServiceCollection services)
    {
        services.AddSingleton<PeopleTokenStore>();
        services.AddHostedService<BootstrapAdminService>();
        services.AddAuthentication(PeopleTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, PeopleTokenAuthenticationHandler>(PeopleTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(CloudPolicies.Add);
        return services;
    }
}
