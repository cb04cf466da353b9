using System.Text.Json.Serialization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Statistics;
using DockGateway.Cloud.Storage;
using DockGateway.Shared.Faults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Hosting;

/// <summary>Everything the cloud service needs, registered once.</summary>
public static class CloudServiceCollectionExtensions
{
    public static IServiceCollection AddCloudServices(this IServiceCollection services)
    {
        CrashPoint.Validate(); // test-only fault injection (DOCKGW_TEST_KILL_AT): a misspelt step stops the cloud at start
        services.AddOptions<CloudOptions>().BindConfiguration(CloudOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CloudOptions>, CloudOptionsValidator>();
        services.AddSingleton(TimeProvider.System);

        // HTTP: problem details, strict JSON, body limit (endpoints such as uploads raise their own).
        services.AddCloudProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.AllowTrailingCommas = false;
        });
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<CloudOptions>>((kestrel, cloud) => kestrel.Limits.MaxRequestBodySize = cloud.Value.Http.MaxRequestBodyBytes);
        services.AddOpenApi();

        // Storage: migrations run before the server listens, then the bootstrap admin.
        services.AddSingleton<ICloudDatabase>(sp => CreateDatabase(
            sp.GetRequiredService<IOptions<CloudOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<DatabaseMigrationService>();

        // People: bearer tokens, roles, policies.
        services.AddSingleton<PeopleTokenStore>();
        services.AddHostedService<BootstrapAdminService>();
        services.AddAuthentication(PeopleTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, PeopleTokenAuthenticationHandler>(PeopleTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(CloudPolicies.Add);

        services.AddSingleton<IAccessLog, SqlAccessLog>();
        services.AddRegistry();
        services.AddRatios();
        services.AddStatistics();

        // wt/cloud-dock registers enrolment, dock auth, uploads and witness below this line.
        services.AddDockFacingServices();
        services.AddFleet();
        return services;
    }

    private static ICloudDatabase CreateDatabase(CloudOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.Postgres))
        {
            return new PostgresCloudDatabase(options.Database.Postgres);
        }

        var dataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        return new SqliteCloudDatabase(Path.Combine(dataDirectory, options.Database.SqliteFile));
    }
}
