using System.Text.Json.Serialization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Custody;
using DockGateway.Cloud.Cases;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Footage;
using DockGateway.Cloud.Metrics;
using DockGateway.Cloud.Officers;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Retention;
using DockGateway.Cloud.Retrieval;
using DockGateway.Cloud.Statistics;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Timeliness;
using DockGateway.Shared.Faults;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton(TimeProvider.System);

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
        services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>(); // 64 KiB receives: fewer system calls per tus chunk
        services.AddOpenApi(o => o.AddCloudDocument());

        // Storage first: the services below that start work (bootstrap admin, fleet) run after the migrations.
        services.AddCloudStorage();
        services.AddPeopleAuth();
        services.AddSingleton<IAccessLog, SqlAccessLog>();
        services.AddRegistry();
        services.AddRatios();
        services.AddStatistics();
        services.AddDockFacingServices();
        services.AddFootageIndex();
        services.AddFleet();
        services.AddCustody();
        services.AddSingleton<OfficerListQuery>();
        services.AddSingleton<TimelinessQuery>();
        services.AddSingleton<UnregisteredSightingQuery>();
        services.AddCloudMetrics();
        services.AddRetrieval();
        services.AddCases();
        services.AddRetention();
        return services;
    }
}
