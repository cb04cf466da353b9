using System.Diagnostics;
using System.Globalization;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Benchmarks.Cloud;

/// <summary>
/// CPU time spent per query by this process and by the PostgreSQL backend serving the pooled connection
/// (read from /proc; same machine). On a shared, oversubscribed machine the wall-clock percentiles
/// include waiting for a core; CPU time is what the query costs.
/// </summary>
public sealed class CpuMeter
{
    private readonly ICloudDatabase _database;
    private readonly int _backendPid;
    private readonly TimeSpan _clientStart;
    private readonly double _serverStart;

    private CpuMeter(ICloudDatabase database, int backendPid)
    {
        _database = database;
        _backendPid = backendPid;
        _clientStart = Process.GetCurrentProcess().TotalProcessorTime;
        _serverStart = ServerCpuMs(backendPid);
    }

    public static async Task<CpuMeter> StartAsync(ICloudDatabase database) => new(database, await BackendPidAsync(database));

    public async Task<string> ReportAsync(int queries, string what = "all-agencies query")
    {
        var client = (Process.GetCurrentProcess().TotalProcessorTime - _clientStart).TotalMilliseconds / queries;
        var samePid = await BackendPidAsync(_database) == _backendPid;
        var server = (ServerCpuMs(_backendPid) - _serverStart) / queries;
        return samePid
            ? string.Create(CultureInfo.InvariantCulture, $"  CPU per {what}: client {client:F1} ms + PostgreSQL backend {server:F1} ms (10 ms ticks, averaged over {queries})")
            : string.Create(CultureInfo.InvariantCulture, $"  CPU per {what}: client {client:F1} ms (pooled backend changed; server CPU not measured)");
    }

    private static async Task<int> BackendPidAsync(ICloudDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
    }

    private static double ServerCpuMs(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return double.NaN;
        }

        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 10.0;
    }
}
