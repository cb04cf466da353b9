using System.Diagnostics;
using System.Globalization;

namespace DockGateway.Testing.Mosquitto;

/// <summary>
/// Runs the real <c>mosquitto_sub</c> against a broker and collects the lines it prints
/// (<c>-v</c>: "topic payload"), so tests see exactly what an outside subscriber sees.
/// </summary>
public sealed class MosquittoSubscriber : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    private MosquittoSubscriber(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_gate)
                {
                    _lines.Add(e.Data);
                }
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
    /// </summary>
    public static async Task<MosquittoSubscriber> StartAsync(MosquittoBroker broker, string filter, string? durableClientId = null)
    {
        var executable = Requirements.Find("mosquitto_sub") ?? throw new InvalidOperationException("mosquitto_sub is not installed");
        List<string> args = ["-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-v", "-q", "1", "-t", filter];
        args.AddRange(durableClientId is null ? ["-i", $"sub-{Guid.NewGuid():N}"[..20]] : ["-c", "-i", durableClientId]);
        var info = new ProcessStartInfo(executable, args)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto_sub did not start");
        var subscriber = new MosquittoSubscriber(process);
        await Task.Delay(300); // mosquitto_sub has no ready signal without -d noise; a short grace suffices on 127.0.0.1
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
