namespace DockGateway.Benchmarks.Ingest;

/// <summary>One timed run: wall time, and for the dock its CPU time (user, system, per stage) and peak RSS; the 1-minute load when it ended.</summary>
internal sealed record Measurement(TimeSpan Elapsed, double UserSeconds, double SystemSeconds, long PeakRss, string Load)
{
    /// <summary>For the dock: its CPU time per ingest stage during the run.</summary>
    public CpuStages Stages { get; init; } = CpuStages.Empty;

    /// <summary>For the dock: its CPU per GiB by thread name during the run.</summary>
    public string Threads { get; init; } = string.Empty;

    public double CpuSeconds => UserSeconds + SystemSeconds;

    public static Measurement Wall(TimeSpan elapsed) => new(elapsed, 0, 0, 0, CurrentLoad());

    public static string CurrentLoad() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
