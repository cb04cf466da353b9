namespace DockGateway.Cloud.Fleet;

/// <summary>How many MQTT messages ended in each <see cref="FleetOutcome"/> since start (this instance).</summary>
public sealed class FleetCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<FleetOutcome>().Length];

    public long this[FleetOutcome outcome] => Interlocked.Read(ref _counts[(int)outcome]);

    /// <summary>Messages received in total.</summary>
    public long Received => Enum.GetValues<FleetOutcome>().Sum(o => this[o]);

    public void Count(FleetOutcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    /// <summary>Every outcome with its count, for logs and the API.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        Enum.GetValues<FleetOutcome>().ToDictionary(o => o.ToString(), o => this[o], StringComparer.Ordinal);
}
