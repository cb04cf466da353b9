using System.Globalization;
using DockGateway.Device.Slots;
using DockGateway.Device.Status;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Device.Tests.Status;

public sealed class AddDockStatusTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDockStatus(builder.Configuration);
        return builder.Build();
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_running_dock_is_online_and_an_orderly_stop_leaves_it_offline()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var directory = Directory.CreateTempSubdirectory("dockgw-host-").FullName;
        try
        {
            using var host = BuildHost(new()
            {
                ["Mqtt:Host"] = broker.Host,
                ["Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
                ["Mqtt:ReconnectDelayMin"] = "00:00:00.100",
                ["Dock:Agency"] = "metro",
                ["Dock:DockId"] = "dock-9",
                ["Dock:DataDirectory"] = directory,
            });
            await using var sub = await MosquittoSubscriber.StartAsync(broker, "dockgateway/v1/metro/dock-9/#");
            await host.StartAsync();

            var online = await sub.WaitForLineAsync(l => l.StartsWith("dockgateway/v1/metro/dock-9/status ", StringComparison.Ordinal), StatusTestRig.Timeout);
            Assert.Contains("\"online\":true", online, StringComparison.Ordinal);
            Assert.Contains("\"queues\":{\"events\":0}", online, StringComparison.Ordinal);

            host.Services.GetRequiredService<EventOutbox>().Append(DockEvent.Create(DockEventKind.Overdue, DateTimeOffset.UtcNow) with { Recorder = "SN-9" });
            await host.Services.GetServices<ISlotIndicator>().OfType<MqttSlotIndicator>().Single()
                .ShowAsync(new SlotStatus(1, SlotState.Empty, null, 0, 0, 0, ""), CancellationToken.None);
            await sub.WaitForLineAsync(l => l.Contains("\"kind\":\"overdue\"", StringComparison.Ordinal), StatusTestRig.Timeout);
            await sub.WaitForLineAsync(l => l.StartsWith("dockgateway/v1/metro/dock-9/slots/1 ", StringComparison.Ordinal), StatusTestRig.Timeout);

            await host.StopAsync();
            var offline = await sub.WaitForLineAsync(l => l.Contains("\"online\":false", StringComparison.Ordinal), StatusTestRig.Timeout);
            Assert.StartsWith("dockgateway/v1/metro/dock-9/status ", offline, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_configuration_stops_the_start_with_the_key_named()
    {
        using var host = BuildHost(new()
        {
            ["Mqtt:Port"] = "0",
            ["Dock:Agency"] = "metro/north",
            ["Dock:DataDirectory"] = Path.GetTempPath(),
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        var all = string.Join(" | ", error.Failures);
        Assert.True(all.Contains("Mqtt:Port", StringComparison.Ordinal) || all.Contains("Dock:Agency", StringComparison.Ordinal), all);
    }
}
