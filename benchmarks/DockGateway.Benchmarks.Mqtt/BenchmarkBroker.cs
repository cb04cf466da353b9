using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DockGateway.Benchmarks.Mqtt;

/// <summary>A private mosquitto on 127.0.0.1 and a free port, with its own config; killed on dispose.</summary>
internal sealed class BenchmarkBroker : IDisposable
{
    private readonly Process _process;

    /// <param name="directory">Where its config goes.</param>
    /// <param name="maxInflight">mosquitto's <c>max_inflight_messages</c>, which it also announces to MQTT 5 clients as
    /// their receive maximum (how many QoS 1/2 publishes they may have unacknowledged); null = mosquitto's default, 20.</param>
    public BenchmarkBroker(string directory, int? maxInflight = null)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var config = Path.Combine(directory, "mosquitto.conf");
        File.WriteAllText(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\n{(maxInflight is { } n ? $"max_inflight_messages {n}\n" : "")}user {Environment.UserName}\n");
        var executable = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
        _process = Process.Start(new ProcessStartInfo(executable, ["-c", config]) { UseShellExecute = false, RedirectStandardError = true })
            ?? throw new InvalidOperationException("mosquitto did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
