using System.Diagnostics;
using System.Globalization;

namespace DockGateway.Benchmarks.Cloud.Memory;

/// <summary>
/// Reads a process's VmRSS, VmHWM, RssAnon, RssFile and RssShmem from /proc/&lt;pid&gt;/status every 250 ms on a
/// thread of its own, and answers the largest and the median reading between two instants.
/// </summary>
internal sealed class RssSampler : IDisposable
{
    private static readonly TimeSpan s_period = TimeSpan.FromMilliseconds(250);
    private readonly int _pid;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<RssSample> _samples = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public RssSampler(int pid)
    {
        _pid = pid;
        _thread = new Thread(Run) { IsBackground = true, Name = "rss sampler" };
        _thread.Start();
    }

    /// <summary>Time since the sampler started (the clock the samples carry).</summary>
    public TimeSpan Now => _clock.Elapsed;

    public RssSample? Latest
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count > 0 ? _samples[^1] : null;
            }
        }
    }

    /// <summary>The reading with the largest VmRSS taken in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public RssSample Peak(TimeSpan from, TimeSpan to) => Between(from, to).MaxBy(s => s.Rss)
        ?? throw new InvalidOperationException($"no RSS sample between {from} and {to}");

    /// <summary>The median VmRSS (bytes) of the readings taken in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public long Median(TimeSpan from, TimeSpan to)
    {
        var sorted = Between(from, to).Select(s => s.Rss).Order().ToList();
        return sorted.Count > 0 ? sorted[sorted.Count / 2] : throw new InvalidOperationException($"no RSS sample between {from} and {to}");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private List<RssSample> Between(TimeSpan from, TimeSpan to)
    {
        lock (_gate)
        {
            return [.. _samples.Where(s => s.At >= from && s.At <= to)];
        }
    }

    private void Run()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (Read() is { } sample)
            {
                lock (_gate)
                {
                    _samples.Add(sample);
                }
            }

            _stop.Token.WaitHandle.WaitOne(s_period);
        }
    }

    private RssSample? Read()
    {
        try
        {
            long rss = 0, hwm = 0, anon = 0, file = 0, shmem = 0;
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                switch (line[..colon])
                {
                    case "VmRSS": rss = Kilobytes(line, colon); break;
                    case "VmHWM": hwm = Kilobytes(line, colon); break;
                    case "RssAnon": anon = Kilobytes(line, colon); break;
                    case "RssFile": file = Kilobytes(line, colon); break;
                    case "RssShmem": shmem = Kilobytes(line, colon); break;
                }
            }

            return new RssSample(_clock.Elapsed, rss, hwm, anon, file, shmem);
        }
        catch (IOException)
        {
            return null; // the process is gone (or going)
        }
    }

    private static long Kilobytes(string line, int colon) =>
        long.Parse(line[(colon + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
}
