using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing.Postgres;
using DockGateway.Testing.Processes;
using Npgsql;

namespace DockGateway.Testing.Swarm;

/// <summary>
/// Issue 12 item 4: the real cloud as <see cref="SwarmOptions.Instances"/> processes on one PostgreSQL database, one
/// footage directory and one mosquitto (events through the MQTT 5 shared subscription), behind haproxy; a swarm of
/// <see cref="SwarmDock"/>s uploads random files through it while instance 1 is SIGKILLed and restarted. Afterwards
/// it counts, from the database and the footage directory, what the cloud holds.
/// </summary>
public static class SwarmRun
{
    public static async Task<SwarmResult> RunAsync(SwarmOptions options, Action<string> log)
    {
        await using var database = await PostgresTestDatabase.CreateAsync("swarm");
        await using var broker = await MosquittoBroker.StartAsync();
        var shared = Directory.CreateTempSubdirectory("dockgw-swarm-").FullName;
        var clouds = new List<CloudProcess>();
        try
        {
            var adminToken = "swarm-admin-" + Guid.NewGuid().ToString("N");
            for (var i = 0; i < options.Instances; i++)
            {
                clouds.Add(await CloudProcess.StartAsync("swarm", always: Environment(database, broker, shared, i), adminToken: adminToken));
            }

            await using var proxy = await HaproxyProcess.StartAsync(clouds.Select(c => c.BaseAddress).ToList());
            log($"{options.Instances} cloud instances (pids {string.Join(", ", clouds.Select(c => c.ProcessId))}) behind haproxy at {proxy.BaseAddress}");
            var agency = "SW" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var docks = new List<SwarmDock>();
            for (var d = 0; d < options.Docks; d++)
            {
                docks.Add(await SwarmDock.EnrolAsync(proxy.BaseAddress, adminToken, agency, broker));
            }

            var (elapsed, latencies, killedCpu) = await UploadAllAsync(options, docks, clouds[0], log);
            var cpu = clouds.Select((c, i) => CpuTime.Of(c.ProcessId) + (i == 0 ? killedCpu : TimeSpan.Zero)).ToList();
            var retries = docks.Sum(d => d.Retries);
            foreach (var dock in docks)
            {
                await dock.DisposeAsync();
            }

            await WaitForAlertsAsync(database, options.Files); // events queued for the killed instance arrive once it is back
            return await CountAsync(options, database, shared, elapsed, latencies, cpu, retries);
        }
        finally
        {
            foreach (var cloud in clouds)
            {
                await cloud.DisposeAsync();
            }

            Directory.Delete(shared, recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(PostgresTestDatabase database, MosquittoBroker broker, string shared, int instance) => new()
    {
        ["Cloud__DataDirectory"] = shared,
        ["Cloud__Database__Postgres"] = database.ConnectionString,
        ["Cloud__Mqtt__Host"] = broker.Host,
        ["Cloud__Mqtt__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Cloud__Mqtt__ClientId"] = $"swarm-cloud-{instance + 1}",
        ["Cloud__Mqtt__CleanSession"] = "false", // as in production: the broker keeps a killed instance's unacknowledged events
        ["Cloud__Fleet__ShareGroup"] = "swarm",
    };

    private static async Task<(TimeSpan Elapsed, List<TimeSpan> Latencies, TimeSpan KilledCpu)> UploadAllAsync(
        SwarmOptions options, List<SwarmDock> docks, CloudProcess victim, Action<string> log)
    {
        var latencies = new List<TimeSpan>();
        var done = 0;
        var killAt = (int)(options.Files * options.KillAfterShare);
        var killed = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var uploads = docks.Select(async dock =>
        {
            for (var f = 0; f < options.FilesPerDock; f++)
            {
                var latency = await dock.UploadAsync(RandomNumberGenerator.GetBytes(options.FileBytes), f + 1, options.ChunkBytes);
                lock (latencies)
                {
                    latencies.Add(latency);
                }

                if (Interlocked.Increment(ref done) == killAt)
                {
                    _ = KillAndRestartAsync(victim, killed, log);
                }
            }
        }).ToList();
        await Task.WhenAll(uploads);
        var elapsed = clock.Elapsed;
        var killedCpu = await killed.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return (elapsed, latencies, killedCpu);
    }

    private static async Task KillAndRestartAsync(CloudProcess victim, TaskCompletionSource<TimeSpan> killed, Action<string> log)
    {
        try
        {
            var cpu = CpuTime.Of(victim.ProcessId);
            await victim.KillAsync();
            log($"SIGKILLed instance 1 mid-run (it had used {cpu.TotalSeconds:F1} CPU-s)");
            await Task.Delay(TimeSpan.FromSeconds(2));
            await victim.StartAgainAsync();
            log("instance 1 restarted");
            killed.TrySetResult(cpu);
        }
        catch (Exception e)
        {
            killed.TrySetException(e);
        }
    }

    private static async Task<SwarmResult> CountAsync(
        SwarmOptions options, PostgresTestDatabase database, string shared, TimeSpan elapsed, List<TimeSpan> latencies, List<TimeSpan> cpu, int retries)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var completed = await ScalarAsync(connection, "SELECT COUNT(DISTINCT (dock_id, entry_index)) FROM uploads WHERE completed_at IS NOT NULL");
        var twice = await ScalarAsync(connection,
            "SELECT COUNT(*) FROM (SELECT dock_id, entry_index FROM uploads WHERE completed_at IS NOT NULL GROUP BY dock_id, entry_index HAVING COUNT(*) > 1) t");
        var holding = await ScalarAsync(connection, "SELECT COUNT(*) FROM uploads WHERE completed_at IS NULL AND upload_offset > 0");
        var empty = await ScalarAsync(connection, "SELECT COUNT(*) FROM uploads WHERE completed_at IS NULL AND upload_offset = 0");
        var alerts = await ScalarAsync(connection, "SELECT COUNT(*) FROM fleet_alerts WHERE kind = 'late'");
        var blobs = Directory.GetFiles(Path.Combine(shared, "blobs", "sha256"), "*", SearchOption.AllDirectories);
        var matching = 0;
        foreach (var blob in blobs)
        {
            await using var stream = File.OpenRead(blob);
            matching += Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)) == Path.GetFileName(blob) ? 1 : 0;
        }

        return new SwarmResult(options, elapsed, latencies, cpu, retries, (int)completed, (int)twice, blobs.Length, matching, (int)holding, (int)empty,
            (int)alerts);
    }

    /// <summary>Until <paramref name="expected"/> alerts are stored, or 60 s: the count then says what arrived.</summary>
    private static async Task WaitForAlertsAsync(PostgresTestDatabase database, int expected)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync(connection, "SELECT COUNT(*) FROM fleet_alerts WHERE kind = 'late'") < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
