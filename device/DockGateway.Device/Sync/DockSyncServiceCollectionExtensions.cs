using DockGateway.Device.Custody;
using DockGateway.Device.Ingest;
using DockGateway.Device.Status;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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

        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SyncOptions>>().Value);
        services.AddSingleton(sp => new UploadBacklog(Path.Combine(sp.GetRequiredService<IOptions<DockOptions>>().Value.DataDirectory, "sync.db")));
        services.AddSingleton<IQueueLength>(sp => sp.GetRequiredService<UploadBacklog>());
        services.AddSingleton<UploadEnqueuer>();
        services.AddSingleton<ICustodyObserver>(sp => sp.GetRequiredService<UploadEnqueuer>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<SyncOptions>();
            var signer = new HttpRequestSigner(options.DockId, sp.GetRequiredService<Ed25519PrivateKey>(), sp.GetRequiredService<TimeProvider>());
            return new HttpClient(new SigningHandler(signer, new SocketsHttpHandler { AllowAutoRedirect = false }))
            {
                BaseAddress = options.CloudUrl,
                Timeout = TimeSpan.FromMinutes(2),
            };
        });
        services.AddSingleton<TusClient>();
        services.AddSingleton(sp => new UploadWorker(
            sp.GetRequiredService<UploadBacklog>(), sp.GetRequiredService<TusClient>(), sp.GetRequiredService<CustodyLog>(),
            sp.GetRequiredService<FootageStore>().FootageDirectory, sp.GetRequiredService<SyncOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<UploadWorker>>()));
        services.AddSingleton(sp => new FootageRetention(
            sp.GetRequiredService<UploadBacklog>(), sp.GetRequiredService<FootageStore>().FootageDirectory, sp.GetRequiredService<SyncOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FootageRetention>>()));
        services.AddSingleton(sp => new WitnessLoop(
            sp.GetRequiredService<HttpClient>(), sp.GetRequiredService<CustodyLog>(), sp.GetRequiredService<UploadBacklog>(),
            sp.GetService<DockEventWriter>(), sp.GetRequiredService<SyncOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WitnessLoop>>()));

        services.AddHostedService<UploadQueueReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<UploadWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<FootageRetention>());
        services.AddHostedService(sp => sp.GetRequiredService<WitnessLoop>());
        return services;
    }
}
