using System.Diagnostics.Metrics;
using DockGateway.Device.Slots;
using DockGateway.Device.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Metrics;

/// <summary>
/// The dock's gauges, read only when scraped: queue lengths (every <see cref="IQueueLength"/>: the MQTT event outbox,
/// the upload queue), free space under <c>Dock:DataDirectory</c>, and how many slots are in each <see cref="SlotState"/>.
/// A hosted service, so the gauges exist from the start without the custody log depending on the queues.
/// </summary>
public sealed class DockGauges : IHostedService
{
    private readonly IQueueLength[] _queues;
    private readonly SlotBoard _board;
    private readonly string _dataDirectory;

    public DockGauges(IMeterFactory meters, IEnumerable<IQueueLength> queues, SlotBoard board, IOptions<DockOptions> options)
    {
        _queues = queues.ToArray();
        _board = board;
        _dataDirectory = Path.GetFullPath(options.Value.DataDirectory);
        var meter = meters.Create(DockMetrics.MeterName);
        meter.CreateObservableGauge("dockgateway.dock.queue.length", ReadQueues, "{item}", "Items waiting in each queue (queue: events, uploads).");
        meter.CreateObservableGauge("dockgateway.dock.disk.free", ReadFreeDisk, "By", "Free bytes available to the dock under its data directory.");
        meter.CreateObservableGauge("dockgateway.dock.slots", ReadSlots, "{slot}", "Slots in each state (state: empty, ingesting, done, error, …).");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> ReadQueues() =>
        _queues.Select(q => new Measurement<long>(q.QueueLength, new KeyValuePair<string, object?>("queue", q.QueueName)));

    private IEnumerable<Measurement<long>> ReadFreeDisk()
    {
        long free;
        try
        {
            free = new DriveInfo(_dataDirectory).AvailableFreeSpace;
        }
        catch (IOException)
        {
            yield break;
        }

        yield return new Measurement<long>(free);
    }

    private IEnumerable<Measurement<int>> ReadSlots()
    {
        var states = _board.Current.Values.Select(s => s.State).ToList();
        return Enum.GetValues<SlotState>().Select(state => new Measurement<int>(
            states.Count(s => s == state), new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant())));
    }
}
