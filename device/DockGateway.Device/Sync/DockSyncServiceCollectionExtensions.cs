using DockGateway.Device.Custody;
using DockGateway.Device.Status;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Sync;

public static class DockSyncServiceCollectionExtensions
{
    /// <summary>
    /// Store-and-forward to the cloud (section <c>Sync</c>; nothing is registered without
    /// <c>Sync:CloudUrl</c>): the upload backlog (<c>sync.db</c>, filled from the custody log by <see cref="UploadQueueReconciler"/>), the tus upload worker, footage
    /// retention and the witnessing loop, all over one RFC 9421-signing HttpClient. Needs AddDockServices.
    /// </summary>
    public static IServiceCollection AddDockSync(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[SyncOptions.Section + ":CloudUrl"]))
        {
            return services;
        }

        // Sync:DockId defaults to Dock:DockId: enrolment gives one id, used in custody entries, topics and as the RFC 9421 keyid.
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section)
            .PostConfigure<IOptions<DockOptions>>((sync, dock) => sync.DockId = string.IsNullOrWhiteSpace(sync.DockId) ? dock.Value.DockId : sync.DockId)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SyncOptions>>().Value);
        services.AddSingleton<UploadBacklog>();
        services.AddSingleton<IQueueLength>(sp => sp.GetRequiredService<UploadBacklog>());
        services.AddSingleton<UploadEnqueuer>();
        services.AddSingleton<ICustodyObserver>(sp => sp.GetRequiredService<UploadEnqueuer>());
        services.AddSingleton(CloudClient);
        services.AddSingleton<TusClient>();
        services.AddSingleton<UploadWorker>();
        services.AddSingleton<FootageRetention>();
        services.AddSingleton<WitnessLoop>();

        services.AddHostedService<UploadQueueReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<UploadWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<FootageRetention>());
        services.AddHostedService(sp => sp.GetRequiredService<WitnessLoop>());
        return services;
    }

    /// <summary>The one HttpClient to the cloud: every request signed (RFC 9421) with the dock key, no redirects followed.</summary>
    private static HttpClient CloudClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<SyncOptions>();
        var signer = new HttpRequestSigner(options.DockId, services.GetRequiredService<Ed25519PrivateKey>(), services.GetRequiredService<TimeProvider>());
        return new HttpClient(new SigningHandler(signer, new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            BaseAddress = options.CloudUrl,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }
}
