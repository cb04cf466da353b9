using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DockGateway.Testing.Mosquitto;

namespace DockGateway.Testing.Processes;

/// <summary>
/// The real cloud (the built DockGateway.Cloud.dll, see <see cref="BuiltProducts"/>: Kestrel on 127.0.0.1
/// and a free port, SQLite in a temporary folder) as a child process with a bootstrap admin token. It can
/// be killed and started again on the same port and data, as a cloud outage would look to the dock.
/// </summary>
public sealed class CloudProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_healthyTimeout = TimeSpan.FromSeconds(90);
    private readonly string _dll;
    private IReadOnlyDictionary<string, string> _always = new Dictionary<string, string>();
    private ChildProcess? _process;

    private CloudProcess(string dll, string directory, int port, string adminToken)
    {
        _dll = dll;
        Directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        AdminToken = adminToken;
    }

    /// <summary>The cloud's temporary folder (its working directory; data in <c>data/</c>).</summary>
    public string Directory { get; }

    public Uri BaseAddress { get; }

    /// <summary>The bootstrap admin token (<c>DOCKGW_BOOTSTRAP_ADMIN_TOKEN</c>).</summary>
    public string AdminToken { get; }

    /// <summary>The cloud's SQLite database.</summary>
    public string Database => Path.Combine(Directory, "data", "cloud.db");

    /// <summary>The last lines the cloud printed (it logs warnings and errors only), for failure messages.</summary>
    public string Tail => _process?.Tail ?? string.Empty;

    /// <summary>Starts the cloud and waits for <c>/healthz</c>.</summary>
    /// <param name="label">Names the temporary folder (<c>dockgw-LABEL-cloud-</c>) and the admin token (<c>LABEL-admin-</c>).</param>
    /// <param name="environment">Extra environment variables for this first start only (e.g. the test-only crash point).</param>
    /// <param name="always">Environment variables for every start (e.g. a shared database and data directory of several instances).</param>
    /// <param name="adminToken">The bootstrap admin token; a new one when null (instances of one cloud share theirs).</param>
    public static async Task<CloudProcess> StartAsync(
        string label = "test", IReadOnlyDictionary<string, string>? environment = null, IReadOnlyDictionary<string, string>? always = null, string? adminToken = null)
    {
        var cloud = new CloudProcess(
            BuiltProducts.Cloud,
            System.IO.Directory.CreateTempSubdirectory($"dockgw-{label}-cloud-").FullName,
            LoopbackPort.Free(),
            adminToken ?? $"{label}-admin-{Guid.NewGuid():N}");
        cloud._always = always ?? new Dictionary<string, string>();
        try
        {
            await cloud.StartAgainAsync(environment);
        }
        catch
        {
            await cloud.DisposeAsync(); // a start that never got healthy (e.g. on a starved machine) must not leave the process behind
            throw;
        }

        return cloud;
    }

    /// <summary>The running cloud's process id (to attach a tracer); throws when it is not running.</summary>
    public int ProcessId => _process is { HasExited: false } running ? running.Id : throw new InvalidOperationException("the cloud is not running");

    /// <summary>True once the cloud process has ended (killed, or dead by itself at a crash point).</summary>
    public bool HasExited => _process is not { HasExited: false };

    /// <summary>(Re)starts the cloud on the same port and data and waits for <c>/healthz</c>.</summary>
    /// <param name="environment">Extra environment variables (e.g. the test-only crash point); none when null.</param>
    public async Task StartAgainAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        await KillAsync(); // normally dead already (killed, or at a crash point); never two on one port and data directory
        _process?.Dispose();
        var start = new ProcessStartInfo("dotnet", ["exec", _dll]) { WorkingDirectory = Directory };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Cloud__DataDirectory"] = Path.Combine(Directory, "data");
        start.Environment["DOCKGW_BOOTSTRAP_ADMIN_TOKEN"] = AdminToken;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in _always.Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[name] = value;
        }

        _process = new ChildProcess(start);
        await WaitHealthyAsync(_process);
    }

    /// <summary>
    /// Creates agency <paramref name="agency"/> (a fresh one when null; an existing one is kept) through the
    /// admin API, issues an enrolment token and enrols a dock with <paramref name="publicKey"/>.
    /// </summary>
    /// <returns>The enrolment answer: dockId, agency, origin, receiptKey, witnessKey, ...</returns>
    public async Task<JsonElement> EnrolDockAsync(byte[] publicKey, string? agency = null, string site = "Station 1", int officerCount = 10, int slots = 4)
    {
        agency ??= "A" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using var admin = new CloudAdminClient(BaseAddress, AdminToken);
        await admin.EnsureAgencyAsync(agency, "Agency " + agency, officerCount);
        return await admin.EnrolDockAsync(agency, publicKey, site, slots);
    }

    /// <summary>SIGKILL: the cloud vanishes mid-request, as in a crash or a network cut; the dock sees connection refused.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private Task WaitHealthyAsync(ChildProcess process) => HttpReadiness.WaitHealthyAsync(process, "the cloud", BaseAddress, s_healthyTimeout);
}
