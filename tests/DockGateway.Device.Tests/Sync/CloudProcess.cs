using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Microsoft.Data.Sqlite;

namespace DockGateway.Device.Tests.Sync;

/// <summary>
/// The real cloud (DockGateway.Cloud.dll, Kestrel on 127.0.0.1 and a free port, SQLite in a temporary
/// directory) as a child process, with a bootstrap admin token, so the dock's sync talks to it over HTTP.
/// </summary>
internal sealed class CloudProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _info;
    private Process _process;

    private CloudProcess(ProcessStartInfo info, Process process, string directory, Uri baseAddress, string adminToken)
    {
        _info = info;
        _process = process;
        Directory = directory;
        BaseAddress = baseAddress;
        AdminToken = adminToken;
    }

    public string Directory { get; }

    public Uri BaseAddress { get; }

    public string AdminToken { get; }

    public static async Task<CloudProcess> StartAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "cloud", "DockGateway.Cloud", "bin", configuration, "net10.0", "DockGateway.Cloud.dll");
        var directory = System.IO.Directory.CreateTempSubdirectory("dockgw-sync-cloud-").FullName;
        var port = MosquittoBroker.FreePort();
        var token = "sync-admin-" + Guid.NewGuid().ToString("N");
        var info = new ProcessStartInfo("dotnet", ["exec", dll]) { UseShellExecute = false, WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Cloud__DataDirectory"] = Path.Combine(directory, "data");
        info.Environment["DOCKGW_BOOTSTRAP_ADMIN_TOKEN"] = token;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var cloud = new CloudProcess(info, Launch(info), directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), token);
        await cloud.WaitHealthyAsync();
        return cloud;
    }

    /// <summary>Kills the cloud (SIGKILL): the dock sees connection refused.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the cloud again on the same port and data directory.</summary>
    public async Task StartAgainAsync()
    {
        _process.Dispose();
        _process = Launch(_info);
        await WaitHealthyAsync();
    }

    private static Process Launch(ProcessStartInfo info)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the cloud");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitHealthyAsync()
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
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
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Creates an agency (straight in the registry table), an enrolment token, and enrols a dock with <paramref name="publicKey"/>.</summary>
    public async Task<JsonElement> EnrolAsync(byte[] publicKey)
    {
        var agency = "S" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(Directory, "data", "cloud.db")};Pooling=false"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "INSERT INTO agencies (code, name, class, officer_count, class_c_minimum, legal_review_staff, created_at, updated_at) VALUES ($c, $n, 'A', 10, NULL, 1, $t, $t)";
            command.Parameters.AddWithValue("$c", agency);
            command.Parameters.AddWithValue("$n", "Agency " + agency);
            command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
        }

        using var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var tokenResponse = await http.PostAsync($"api/v1/agencies/{agency}/enrolment-tokens", null);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = null;
        var enrolment = await http.PostAsJsonAsync("api/v1/docks/enrol", new { token, publicKey = Convert.ToBase64String(publicKey), site = "Station 1", slots = 4 });
        enrolment.EnsureSuccessStatusCode();
        return await enrolment.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
