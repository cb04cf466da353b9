using System.Diagnostics;
using System.Globalization;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Microsoft.Data.Sqlite;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>
/// The real cloud (the built DockGateway.Cloud.dll: Kestrel on 127.0.0.1, SQLite in a temporary folder)
/// as a child process with a bootstrap admin token. It can be killed and started again on the same port
/// and data, as a cloud outage would look to the dock.
/// </summary>
internal sealed class CloudServer : IAsyncDisposable
{
    private readonly string _dll;
    private readonly int _port;
    private Process? _process;

    private CloudServer(string dll, string directory, int port)
    {
        _dll = dll;
        Directory = directory;
        _port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Directory { get; }

    public Uri BaseAddress { get; }

    public string AdminToken { get; } = "e2e-admin-" + Guid.NewGuid().ToString("N");

    public string Database => Path.Combine(Directory, "data", "cloud.db");

    public static async Task<CloudServer> StartAsync()
    {
#if DEBUG
        const string Configuration = "Debug";
#else
        const string Configuration = "Release";
#endif
        var dll = Path.Combine(RepoPaths.Root, "cloud", "DockGateway.Cloud", "bin", Configuration, "net10.0", "DockGateway.Cloud.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the cloud is not built: {dll}", dll);
        }

        var server = new CloudServer(dll, System.IO.Directory.CreateTempSubdirectory("dockgw-e2e-cloud-").FullName, MosquittoBroker.FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>(Re)starts the cloud on the same port and data and waits for /healthz.</summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo("dotnet", ["exec", _dll])
        {
            UseShellExecute = false,
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Cloud__DataDirectory"] = Path.Combine(Directory, "data");
        info.Environment["DOCKGW_BOOTSTRAP_ADMIN_TOKEN"] = AdminToken;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {_dll}");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the cloud exited with {_process.ExitCode}");
            }

            try
            {
                if ((await probe.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: the cloud vanishes mid-request, as in a crash or a network cut.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Every completed upload of <paramref name="dockId"/>: (SHA-256, stored (not a duplicate)), read from the cloud's database.</summary>
    public IReadOnlyList<(string Sha256, bool Stored, long Length)> CompletedUploads(string dockId) =>
        Query(dockId, "SELECT sha256, duplicate, length FROM uploads WHERE dock_id = $dock AND completed_at IS NOT NULL",
            r => (r.GetString(0), r.GetInt64(1) == 0, r.GetInt64(2)));

    /// <summary>How many uploads (finished or not) the cloud holds for each SHA-256 of <paramref name="dockId"/>.</summary>
    public IReadOnlyDictionary<string, int> UploadsPerFile(string dockId) =>
        Query(dockId, "SELECT sha256, COUNT(*) FROM uploads WHERE dock_id = $dock GROUP BY sha256", r => (r.GetString(0), r.GetInt32(1)))
            .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);

    /// <summary>Uploads begun but not finished that already hold bytes (a transfer in progress).</summary>
    public int PartialUploads(string dockId) =>
        Query(dockId, "SELECT COUNT(*) FROM uploads WHERE dock_id = $dock AND completed_at IS NULL AND upload_offset > 0", r => r.GetInt32(0))[0];

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private List<T> Query<T>(string dockId, string sql, Func<SqliteDataReader, T> read)
    {
        var rows = new List<T>();
        if (!File.Exists(Database))
        {
            return rows;
        }

        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$dock", dockId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
