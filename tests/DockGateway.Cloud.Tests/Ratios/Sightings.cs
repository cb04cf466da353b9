using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Tests.Ratios;

/// <summary>Dock reports fed through the fleet store the way the MQTT handler feeds them, received at the host's clock.</summary>
public static class Sightings
{
    /// <summary>Enrols a new dock (fresh key) under <paramref name="agency"/> and returns its id.</summary>
    public static async Task<string> EnrolDockAsync(this CloudTestHost host, string agency)
    {
        using var key = Ed25519PrivateKey.Generate();
        using var admin = new CloudAdminClient(host.BaseAddress, host.AdminToken);
        return (await admin.EnrolDockAsync(agency, key.PublicKey, "Sightings", slots: 4)).GetProperty("dockId").GetString()!;
    }

    public static async Task DockedAsync(this CloudTestHost host, string agency, string dock, string serial, DateTimeOffset at, string kind = "inserted")
    {
        var now = host.Time.GetUtcNow();
        await host.Services.GetRequiredService<FleetStore>().ApplyEventAsync(
            new FleetTopic(agency, dock, FleetTopicKind.Events),
            new DockEventReport("k-" + Guid.NewGuid().ToString("N"), kind, at, 1, serial, null, null),
            now, now, CancellationToken.None);
    }

    public static Task SlotAsync(this CloudTestHost host, string agency, string dock, string serial, string state)
    {
        var now = host.Time.GetUtcNow();
        return host.Services.GetRequiredService<FleetStore>().ApplySlotAsync(
            new FleetTopic(agency, dock, FleetTopicKind.Slot, 2),
            new SlotReport(2, state, serial, 0, 0, 0, null, now),
            now, now, CancellationToken.None);
    }
}
