using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DockGateway.Device.Custody;
using DockGateway.Device.Ingest;
using DockGateway.Device.Slots;
using DockGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Device.Tests.Support;

/// <summary>
/// The dock's services over a temporary data directory, without the host: tests drive the ingest
/// pipeline directly with folders as recorder volumes. Restart() builds fresh services over the same data.
/// </summary>
public sealed class TestDock : IDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly List<ICustodyObserver> _observers = [];
    private ServiceProvider _services;

    public TestDock(Dictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        Root = Directory.CreateTempSubdirectory("dockgw-test-").FullName;
        DataDirectory = Path.Combine(Root, "data");
        Time = new ManualTime(now ?? new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        _settings = new Dictionary<string, string?>
        {
            ["Dock:DataDirectory"] = DataDirectory,
            ["Dock:DockId"] = "dock-7",
            ["Dock:Agency"] = "testagency",
            ["Dock:MinFreeBytes"] = "0",
            ["Dock:Simulation:Root"] = Path.Combine(Root, "sim"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        _services = Build();
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public ManualTime Time { get; }

    public IngestHooks Hooks { get; private set; } = new();

    public IngestPipeline Pipeline => _services.GetRequiredService<IngestPipeline>();

    public CustodyLog Log => _services.GetRequiredService<CustodyLog>();

    public FootageStore Store => _services.GetRequiredService<FootageStore>();

    public List<SlotStatus> Reports { get; } = [];

    /// <summary>Registers an observer and rebuilds the services so the log reports to it.</summary>
    public void AddObserver(ICustodyObserver observer)
    {
        _observers.Add(observer);
        Restart(Hooks);
    }

    /// <summary>A new empty recorder volume folder.</summary>
    public string NewVolume(string name)
    {
        var path = Path.Combine(Root, "volumes", name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Copies the committed sample footage into a volume (under <paramref name="subfolder"/>).</summary>
    public static void AddFixtures(string volume, string subfolder = "")
    {
        var target = Path.Combine(volume, subfolder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Footage).Where(f => !f.EndsWith("SHA256SUMS", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    public static Dictionary<string, string> FixtureHashes() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Footage, "SHA256SUMS"))
            .Select(l => l.Split("  "))
            .ToDictionary(p => p[1], p => p[0]);

    public async Task<SlotStatus> IngestAsync(string volume, string serial = "BC-1001", int slot = 1, bool readOnly = false, bool registered = true, CancellationToken cancellationToken = default)
    {
        var recorder = new RecorderIdentity(serial, "Acme", "BW-1", registered);
        return await Pipeline.IngestAsync(slot, recorder, new TestVolume(volume, readOnly), s =>
        {
            lock (Reports)
            {
                Reports.Add(s);
            }

            return ValueTask.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>Every entry of the log as JSON objects, in order.</summary>
    public List<JsonObject> Entries() =>
        Log.Entries(0, Log.Size).Select(r => JsonNode.Parse(r.Json)!.AsObject()).ToList();

    public List<JsonObject> EntriesOf(string type) => Entries().Where(e => (string?)e["type"] == type).ToList();

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Simulates a restart: new services (custody log reopened from disk, temp files discarded).</summary>
    public void Restart(IngestHooks? hooks = null)
    {
        _services.Dispose();
        Hooks = hooks ?? new IngestHooks();
        _services = Build();
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Hooks);
        foreach (var observer in _observers)
        {
            services.AddSingleton(observer);
        }
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDockServices(configuration);
        return services.BuildServiceProvider();
    }
}
