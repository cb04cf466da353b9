using System.Diagnostics;
using System.Globalization;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

public sealed class MqttWillTests
{
    [RequiresFact(Needs.Mosquitto)]
    public async Task Mosquitto_sub_sees_the_retained_will_after_the_publishing_process_is_SIGKILLed()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var topic = "dockgateway/v1/test/dock-1/status";
        using var child = StartWillClient(broker, topic, "{\"v\":1,\"online\":false}");
        try
        {
            var ready = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("connected", ready);
        }
        finally
        {
            child.Kill(); // SIGKILL: no DISCONNECT is sent, so the broker publishes the will
        }

        await child.WaitForExitAsync();
        await using var sub = await MosquittoSubscriber.StartAsync(broker, topic);
        var line = await sub.WaitForLineAsync(l => l.Contains("\"online\":false", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal($"{topic} {{\"v\":1,\"online\":false}}", line);
    }

    private static Process StartWillClient(MosquittoBroker broker, string topic, string will)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "benchmarks", "DockGateway.Benchmarks.Mqtt", "bin", configuration, "net10.0", "DockGateway.Benchmarks.Mqtt.dll");
        var info = new ProcessStartInfo("dotnet", ["exec", dll, "will-client", broker.Host, broker.Port.ToString(CultureInfo.InvariantCulture), topic, will])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
    }
}
