using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>
/// A real mosquitto broker and the real cloud host subscribed to it (<c>Cloud:Mqtt:Host/Port</c>, short
/// reconnect delays). Starts nothing when the machine lacks what the variant needs (its tests are skipped).
/// </summary>
public abstract class FleetHostFixture(CloudStorageKind storage, params Needs[] needs) : IAsyncLifetime
{
    private CloudTestHost? _host;
    private MosquittoBroker? _broker;

    public CloudTestHost Host => _host ?? throw new InvalidOperationException("The fleet test host was not started.");

    public MosquittoBroker Broker => _broker ?? throw new InvalidOperationException("The test broker was not started.");

    public FleetCounters Counters => Host.Services.GetRequiredService<FleetCounters>();

    public async Task InitializeAsync()
    {
        if (Requirements.All(needs.Select(Requirements.Reason).ToArray()) is not null)
        {
            return;
        }

        _broker = await MosquittoBroker.StartAsync();
        _host = await CloudTestHost.StartAsync(storage, FleetProbe.Settings(_broker));
        await WaitUntilSubscribedAsync();
    }

    /// <summary>Waits until the cloud's subscription is live (see <see cref="FleetProbe"/>).</summary>
    public Task WaitUntilSubscribedAsync() => FleetProbe.WaitUntilSubscribedAsync(Broker, Counters);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
