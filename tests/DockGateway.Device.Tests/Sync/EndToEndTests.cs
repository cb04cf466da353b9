using System.Globalization;
using DockGateway.Device.Custody;
using DockGateway.Device.Status;
using DockGateway.Device.Sync;
using DockGateway.Shared.Crypto;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

/// <summary>
/// The whole dock (AddDockServices + AddDockStatus + AddDockSync, simulated slots) against a real
/// mosquitto and the real cloud process: a recorder is inserted, and mosquitto_sub sees its events while
/// the footage reaches the cloud and the checkpoint comes back cosigned.
/// </summary>
public sealed class EndToEndTests
{
    [RequiresFact(Needs.Mosquitto)]
    public async Task An_inserted_recorder_is_ingested_announced_over_mqtt_uploaded_and_witnessed()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cloud = await CloudProcess.StartAsync("sync");
        var directory = Directory.CreateTempSubdirectory("dockgw-e2e-").FullName;
        try
        {
            var data = Path.Combine(directory, "data");
            Directory.CreateDirectory(data);
            var keyPath = Path.Combine(data, "dock.key");
            using (var key = KeyFile.LoadOrCreate(keyPath))
            {
                var enrolment = await cloud.EnrolDockAsync(key.PublicKey);
                var dockId = enrolment.GetProperty("dockId").GetString()!;
                var settings = new Dictionary<string, string?>
                {
                    ["Dock:DataDirectory"] = data,
                    ["Dock:DockId"] = dockId,
                    ["Dock:Agency"] = enrolment.GetProperty("agency").GetString(),
                    ["Dock:Origin"] = enrolment.GetProperty("origin").GetString(),
                    ["Dock:KeyFile"] = keyPath,
                    ["Dock:CheckpointInterval"] = "00:00:01",
                    ["Dock:Simulation:Root"] = Path.Combine(directory, "sim"),
                    ["Mqtt:Host"] = broker.Host,
                    ["Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
                    ["Mqtt:ReconnectDelayMin"] = "00:00:00.100",
                    ["Sync:CloudUrl"] = cloud.BaseAddress.ToString(),
                    ["Sync:DockId"] = dockId,
                    ["Sync:ReceiptKey"] = enrolment.GetProperty("receiptKey").GetString(),
                    ["Sync:WitnessKey"] = enrolment.GetProperty("witnessKey").GetString(),
                    ["Sync:WitnessInterval"] = "00:00:01",
                };
                var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Services.AddDockServices(builder.Configuration);
                builder.Services.AddDockStatus(builder.Configuration);
                builder.Services.AddDockSync(builder.Configuration);
                using var host = builder.Build();
                await using var sub = await MosquittoSubscriber.StartAsync(broker, "dockgateway/v1/#");
                await host.StartAsync();

                var slot = Path.Combine(directory, "sim", "slots", "1");
                Directory.CreateDirectory(Path.Combine(slot, "volume", "DCIM"));
                File.Copy(Path.Combine(RepoPaths.Footage, "REC_20261120_083012_0001.MP4"), Path.Combine(slot, "volume", "DCIM", "REC_20261120_083012_0001.MP4"));
                await File.WriteAllTextAsync(Path.Combine(slot, "recorder.json"), """{"serial":"SN-E2E","vendor":"Acme","model":"BC-1"}""");

                var backlog = host.Services.GetRequiredService<UploadBacklog>();
                var log = host.Services.GetRequiredService<CustodyLog>();
                await Status.StatusTestRig.WaitUntilAsync(() => backlog.Find(FirstIngested(log)) is { State: UploadState.Acknowledged }, "the cloud to acknowledge the footage");
                await Status.StatusTestRig.WaitUntilAsync(() => log.LatestCheckpoint()?.CosignedNote is not null, "a cosigned checkpoint");
                foreach (var kind in new[] { "inserted", "ingested", "uploaded", "witnessed" })
                {
                    await sub.WaitForLineAsync(l => l.Contains($"\"kind\":\"{kind}\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
                }

                await sub.WaitForLineAsync(l => l.Contains("/slots/1 ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
                await sub.WaitForLineAsync(l => l.Contains("/status ", StringComparison.Ordinal) && l.Contains("\"online\":true", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
                await host.StopAsync();
                await sub.WaitForLineAsync(l => l.Contains("/status ", StringComparison.Ordinal) && l.Contains("\"online\":false", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static long FirstIngested(CustodyLog log) =>
        log.Entries(0, log.Size).FirstOrDefault(r => r.Type == "ingested")?.Index ?? -1;
}
