using DockGateway.Device.Status;
using DockGateway.Shared.Mqtt;
using DockGateway.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;

namespace DockGateway.Device.Tests.Status;

/// <summary>A dock's status parts wired by hand against a real broker, in a temporary data directory.</summary>
internal sealed class StatusTestRig : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private StatusTestRig(MosquittoBroker broker, string directory)
    {
        Broker = broker;
        Directory = directory;
        Options = new DockStatusOptions { Agency = "metro", DockId = "dock-7", DataDirectory = directory, Coalesce = TimeSpan.FromMilliseconds(100) };
        Topics = new DockTopics(Options);
        Outbox = new EventOutbox(Options.OutboxPath, Options.Agency, Options.DockId, TimeProvider.System);
        Connection = new MqttConnection(ConnectionOptions(broker, new MqttWill
        {
            Topic = Topics.Status,
            Payload = StatusJson.Offline(Options.Agency, Options.DockId),
            Qos = MqttQos.AtLeastOnce,
            Retain = true,
        }));
    }

    public MosquittoBroker Broker { get; }

    public string Directory { get; }

    public DockStatusOptions Options { get; }

    public DockTopics Topics { get; }

    public EventOutbox Outbox { get; private set; }

    public MqttConnection Connection { get; }

    public static async Task<StatusTestRig> StartAsync()
    {
        var broker = await MosquittoBroker.StartAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("dockgw-status-").FullName;
        var rig = new StatusTestRig(broker, directory);
        rig.Connection.Start();
        return rig;
    }

    public static MqttOptions ConnectionOptions(MosquittoBroker broker, MqttWill? will = null) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        KeepAliveSeconds = 5,
        ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
        Will = will,
    };

    public OutboxPublisher NewOutboxPublisher() =>
        new(Outbox, Connection, Topics, Options, NullLogger<OutboxPublisher>.Instance);

    public StatusPublisher NewStatusPublisher(RetainedTopics retained) =>
        new(retained, Connection, Topics, Options, [Outbox], TimeProvider.System, NullLogger<StatusPublisher>.Instance);

    /// <summary>Closes and reopens outbox.db, as a dock restart would.</summary>
    public void ReopenOutbox()
    {
        Outbox.Dispose();
        Outbox = new EventOutbox(Options.OutboxPath, Options.Agency, Options.DockId, TimeProvider.System);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Outbox.Dispose();
        await Broker.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
