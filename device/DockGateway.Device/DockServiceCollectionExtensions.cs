using DockGateway.Shared.Storage;
using DockGateway.Device.Custody;
using DockGateway.Device.Hardware;
using DockGateway.Device.Hosting;
using DockGateway.Device.Ingest;
using DockGateway.Device.Simulation;
using DockGateway.Device.Slots;
using DockGateway.Shared.Crypto;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device;

/// <summary>
/// Registers the dock core: options ("Dock", checked once as the host starts), custody log, footage store,
/// ingest pipeline, slot supervisor, and its slots: simulated with Dock:Simulation:Root set, otherwise the
/// hardware (Dock:Hardware). Other capabilities add their own ISlotIndicator and ICustodyObserver
/// registrations (AddDockStatus, AddDockSync).
/// </summary>
public static class DockServiceCollectionExtensions
{
    public static IServiceCollection AddDockServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DockOptions>().BindConfiguration(DockOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DockOptions>, DockOptionsValidator>();
        services.AddSingleton<IValidateOptions<DockOptions>, DockKeyFileValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ =>
        {
            var hooks = new IngestHooks();
            IngestCrashPoints.Arm(hooks); // test-only fault injection (DOCKGW_TEST_KILL_AT); inert when unset
            return hooks;
        });

        services.AddSingleton<FootageStore>();
        services.AddSingleton(LoadKey);
        services.AddSingleton<CheckpointSigner>();
        services.AddSingleton<CustodyLog>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<SlotBoard>();
        services.AddHostedService<SlotSupervisor>();
        services.AddHostedService<CheckpointScheduler>();
        services.AddHostedService<IdleTrimmer>();

        return string.IsNullOrWhiteSpace(configuration[$"{DockOptions.Section}:Simulation:Root"])
            ? services.AddDockHardware(configuration)
            : services.AddDockSimulation();
    }

    /// <summary>The dock's Ed25519 key from Dock:KeyFile (its presence checked by <see cref="DockKeyFileValidator"/>); a simulated dock creates its own.</summary>
    private static Ed25519PrivateKey LoadKey(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DockOptions>>().Value;
        var path = options.EffectiveKeyFile;
        if (!options.Simulation.Enabled)
        {
            return KeyFile.Read(path);
        }

        OwnerOnly.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var created = !File.Exists(path);
        var key = KeyFile.LoadOrCreate(path);
        if (created)
        {
            services.GetRequiredService<ILogger<CheckpointSigner>>().LogInformation("Simulation: created the dock key {KeyFile}", path);
        }

        return key;
    }
}
