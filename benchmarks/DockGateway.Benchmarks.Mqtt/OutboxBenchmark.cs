namespace DockGateway.Benchmarks.Mqtt;

/// <summary>Events per second through the dock's outbox to a real broker, against mosquitto_pub.</summary>
internal static class OutboxBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.WriteLine("not yet");
        return Task.FromResult(args.Length);
    }
}
