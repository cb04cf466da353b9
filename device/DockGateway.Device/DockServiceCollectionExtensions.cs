using DockGateway.Device.Custody;
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
/// Registers the dock core: options ("Dock"), custody log, footage store, ingest pipeline, slot
/// supervisor and, with Dock:Simulation:Root set, the simulated slots. Other capabilities add their own
/// ISlotSource, ISlotIndicator and ICustodyObserver registrations (AddDockHardware, AddDockStatus, AddDockSync).
/// </summary>
public static class DockServiceCollectionExtensions
{
    public static IServiceCollection AddDockServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DockOptions>().BindConfiguration(DockOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DockOptions>, DockOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ =>
        {
            var hooks = new IngestHooks();
            IngestCrashPoints.Arm(hooks); // test-only fault injection (DOCKGW_TEST_KILL_AT); inert when unset
            return hooks;
        });

        services.AddSingleton(sp =>
        {
            var store = new FootageStore(Options(sp).DataDirectory);
            var discarded = store.Prepare();
            sp.GetRequiredService<ILogger<FootageStore>>().LogInformation("Footage store {Directory} ready; {Count} temporary files from an interrupted ingest discarded", store.FootageDirectory, discarded);
            return store;
        });
        services.AddSingleton(sp => LoadKey(Options(sp), sp.GetRequiredService<ILogger<CheckpointSigner>>()));
        services.AddSingleton(sp => new CheckpointSigner(Options(sp).EffectiveOrigin, sp.GetRequiredService<Ed25519PrivateKey>()));
        services.AddSingleton(sp =>
        {
            var options = Options(sp);
            sp.GetRequiredService<FootageStore>(); // creates the data directory first
            return new CustodyLog(CustodyStore.Open(options.DataDirectory), sp.GetRequiredService<CheckpointSigner>(), options.DockId,
                options.CheckpointEvery, sp.GetRequiredService<TimeProvider>(), sp.GetServices<ICustodyObserver>(), sp.GetRequiredService<ILogger<CustodyLog>>());
        });
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<SlotBoard>();
        services.AddHostedService<SlotSupervisor>();
        services.AddHostedService<CheckpointScheduler>();
        services.AddHostedService<IdleTrimmer>();

        if (!string.IsNullOrWhiteSpace(configuration[$"{DockOptions.Section}:Simulation:Root"]))
        {
            services.AddSingleton<ISlotSource, SimulatedSlotSource>();
            services.AddSingleton<ISlotIndicator, StateFileIndicator>();
        }

        return services;
    }

    /// <summary>
    /// Checks the "Dock" configuration before the host starts, printing each problem (with its key) to
    /// <paramref name="errors"/> instead of a stack trace. False means: do not start.
    /// </summary>
    public static bool ValidateDockOptions(this IServiceProvider services, TextWriter errors)
    {
        try
        {
            var options = Options(services);
            if (!options.Simulation.Enabled && !File.Exists(options.EffectiveKeyFile))
            {
                errors.WriteLine($"configuration error: Dock:KeyFile: no dock key at {options.EffectiveKeyFile}: provision the dock's key first (a 0600 file holding the base64 Ed25519 seed, see KeyFile); --simulate creates one itself");
                return false;
            }

            return true;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                errors.WriteLine($"configuration error: {failure}");
            }

            return false;
        }
    }

    private static DockOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<DockOptions>>().Value;

    private static Ed25519PrivateKey LoadKey(DockOptions options, ILogger logger)
    {
        var path = options.EffectiveKeyFile;
        if (options.Simulation.Enabled)
        {
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var created = !File.Exists(path);
            var key = KeyFile.LoadOrCreate(path);
            if (created)
            {
                logger.LogInformation("Simulation: created the dock key {KeyFile}", path);
            }

            return key;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Dock:KeyFile: no dock key at {path}: provision the dock's key first (a 0600 file holding the base64 Ed25519 seed, see KeyFile); --simulate creates one itself");
        }

        return KeyFile.Read(path);
    }
}
