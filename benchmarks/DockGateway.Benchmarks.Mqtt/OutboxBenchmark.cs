using System.Diagnostics;
using System.Globalization;
using System.Text;
using DockGateway.Device.Status;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace DockGateway.Benchmarks.Mqtt;

/// <summary>
/// Events per second, all at QoS 1 against the same private broker in one run:
/// (1) outbox append, one durable transaction per event (what an ingest thread would pay if it wrote directly);
/// (2) outbox end to end: events committed in batches, published by <see cref="OutboxPublisher"/>, every PUBACK
///     recorded back in SQLite; (3) the bare <see cref="MqttConnection"/> (MQTTnet, MQTT 5) without the outbox;
/// (4) <c>mosquitto_pub -l -q 1</c> fed the same number of lines.
/// Usage: <c>dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Mqtt [-- EVENTS [MAX_INFLIGHT]]</c>;
/// MAX_INFLIGHT sets the broker's <c>max_inflight_messages</c>, the receive maximum it grants MQTT 5 clients (default 20).
/// </summary>
internal static class OutboxBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        int? maxInflight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
        var directory = Directory.CreateTempSubdirectory("dockgw-bench-mqtt-").FullName;
        try
        {
            using var broker = new BenchmarkBroker(directory, maxInflight);
            Console.WriteLine($"DockGateway MQTT benchmark: {count} events, QoS 1, mosquitto on 127.0.0.1:{broker.Port} (max_inflight_messages {maxInflight?.ToString(CultureInfo.InvariantCulture) ?? "default 20"}), {Environment.ProcessorCount} cores");
            Report("outbox append, 1 event per transaction (synchronous=FULL)", Math.Min(count, 2000), AppendSingly(directory, Math.Min(count, 2000)));
            Report("outbox end to end (append in batches of 100 -> PUBACK -> marked sent)", count, await OutboxEndToEndAsync(directory, broker, count));
            Report("MqttConnection publish -> PUBACK, no outbox", count, await BareConnectionAsync(broker, count));
            Report("mosquitto_pub -l -q 1", count, await MosquittoPubAsync(broker, count));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Report(string what, int count, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-75} {count / elapsed.TotalSeconds,10:F0} events/s  ({count} in {elapsed.TotalMilliseconds:F0} ms)"));

    private static DockEvent Event(int i) =>
        new(DockEventKind.Ingested, $"custody:{i}", DateTimeOffset.UtcNow) { Slot = i % 8, Recorder = "SN-0001", File = $"DCIM/REC_{i:D6}.MP4", Sha256 = new string('a', 64), Size = 123_456_789 };

    private static TimeSpan AppendSingly(string directory, int count)
    {
        using var outbox = new EventOutbox(Path.Combine(directory, "single.db"), "metro", "dock-1", TimeProvider.System);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            outbox.Append(Event(i));
        }

        return watch.Elapsed;
    }

    private static MqttOptions Options(BenchmarkBroker broker) => new() { Host = "127.0.0.1", Port = broker.Port }; // the dock's defaults, MaxQueuedMessages included

    private static async Task<TimeSpan> OutboxEndToEndAsync(string directory, BenchmarkBroker broker, int count)
    {
        var status = new DockStatusOptions { Agency = "metro", DockId = "dock-1", DataDirectory = directory };
        using var outbox = new EventOutbox(Path.Combine(directory, "outbox.db"), status.Agency, status.DockId, TimeProvider.System);
        await using var connection = new MqttConnection(Options(broker));
        connection.Start();
        await connection.WaitUntilConnectedAsync(CancellationToken.None);
        var publisher = new OutboxPublisher(outbox, connection, new DockTopics(status), status, NullLogger<OutboxPublisher>.Instance);
        await publisher.StartAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        for (var start = 0; start < count; start += 100)
        {
            outbox.Append(Enumerable.Range(start, Math.Min(100, count - start)).Select(Event));
        }

        while (outbox.QueueLength > 0)
        {
            await Task.Delay(5);
        }

        var elapsed = watch.Elapsed;
        await publisher.StopAsync(CancellationToken.None);
        return elapsed;
    }

    private static async Task<TimeSpan> BareConnectionAsync(BenchmarkBroker broker, int count)
    {
        await using var connection = new MqttConnection(Options(broker));
        connection.Start();
        await connection.WaitUntilConnectedAsync(CancellationToken.None);
        var payload = Encoding.UTF8.GetBytes(new string('x', 300));
        var watch = Stopwatch.StartNew();
        var deliveries = new Task[count];
        for (var i = 0; i < count; i++)
        {
            deliveries[i] = (await connection.PublishAsync("dockgateway/v1/metro/dock-1/events", payload, MqttQos.AtLeastOnce, false, CancellationToken.None)).Completion;
        }

        await Task.WhenAll(deliveries);
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> MosquittoPubAsync(BenchmarkBroker broker, int count)
    {
        var line = new string('x', 300);
        var info = new ProcessStartInfo("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.PortText, "-q", "1", "-t", "dockgateway/v1/metro/dock-1/events", "-l"])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto_pub did not start");
        for (var i = 0; i < count; i++)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close(); // mosquitto_pub -l sends what is left, waits for the PUBACKs, then exits
        await process.WaitForExitAsync();
        return watch.Elapsed;
    }
}
