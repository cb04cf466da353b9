using System.Diagnostics;
using System.Globalization;

namespace DockGateway.Testing.Mosquitto;

/// <summary>
/// Runs the real <c>mosquitto_sub</c> against a broker and collects the lines it prints
/// (<c>-v</c>: "topic payload"), so tests see exactly what an outside subscriber sees.
/// </summary>
public sealed class MosquittoSubscriber : IAsyncDisposable
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _readyTopic;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private volatile bool _ready;

    private MosquittoSubscriber(Process process, string readyTopic)
    {
        _process = process;
        _readyTopic = readyTopic;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data.StartsWith(_readyTopic + " ", StringComparison.Ordinal))
            {
                _ready = true;
                return;
            }

            lock (_gate)
            {
                _lines.Add(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// Starts <c>mosquitto_sub -v -q 1 -t filter</c>. With <paramref name="durableClientId"/> it keeps a
    /// persistent session (<c>-c</c>): the broker queues QoS 1 messages for it while it is away and
    /// (with persistence) across a broker restart, and mosquitto_sub reconnects by itself.
    /// Returns once the subscription is in place: mosquitto_sub also subscribes to a topic of its own,
    /// and this publishes to it (with the real <c>mosquitto_pub</c>) until mosquitto_sub prints it.
    /// </summary>
    public static async Task<MosquittoSubscriber> StartAsync(MosquittoBroker broker, string filter, string? durableClientId = null)
    {
        var executable = Requirements.Find("mosquitto_sub") ?? throw new InvalidOperationException("mosquitto_sub is not installed");
        var port = broker.Port.ToString(CultureInfo.InvariantCulture);
        var readyTopic = $"dockgw-test/ready/{Guid.NewGuid():N}";
        List<string> args = ["-h", broker.Host, "-p", port, "-v", "-q", "1", "-t", filter, "-t", readyTopic];
        args.AddRange(durableClientId is null ? ["-i", $"sub-{Guid.NewGuid():N}"[..20]] : ["-c", "-i", durableClientId]);
        var info = new ProcessStartInfo(executable, args)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto_sub did not start");
        var subscriber = new MosquittoSubscriber(process, readyTopic);
        var publish = Requirements.Find("mosquitto_pub") ?? throw new InvalidOperationException("mosquitto_pub is not installed");
        var deadline = DateTime.UtcNow + s_readyTimeout;
        while (!subscriber._ready)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var problem = process.HasExited ? $"exited with {process.ExitCode}" : $"was not subscribed within {s_readyTimeout}";
                await subscriber.DisposeAsync();
                throw new InvalidOperationException($"mosquitto_sub on {broker.Host}:{port} {problem}");
            }

            using var ping = Process.Start(new ProcessStartInfo(publish, ["-h", broker.Host, "-p", port, "-q", "1", "-t", readyTopic, "-m", "ready"]) { UseShellExecute = false })!;
            await ping.WaitForExitAsync();
            for (var i = 0; i < 10 && !subscriber._ready; i++)
            {
                await Task.Delay(20);
            }
        }

        return subscriber;
    }

    /// <summary>Waits until a printed line satisfies <paramref name="match"/>, returning it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"mosquitto_sub printed no matching line within {timeout}; saw: {string.Join(" | ", Lines)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
