using System.Globalization;
using DockGateway.Device.Ingest;

namespace DockGateway.Benchmarks.Ingest;

/// <summary>
/// The dock's CPU time per ingest stage (<see cref="IngestCpuStages"/>, written by the dock to the file named by
/// <c>DOCKGW_INGEST_CPU_STAGES</c>), in seconds; the difference between two readings is one run's.
/// </summary>
internal sealed record CpuStages(IReadOnlyDictionary<string, double> Seconds)
{
    public static CpuStages Empty { get; } = new(new Dictionary<string, double>());

    public double Total => Seconds.Values.Sum();

    public static CpuStages Read(string file) =>
        !File.Exists(file) ? Empty : new(File.ReadAllLines(file)
            .Select(line => line.Split('='))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture) / 1e9));

    public CpuStages Minus(CpuStages earlier) =>
        new(Seconds.ToDictionary(s => s.Key, s => s.Value - earlier.Seconds.GetValueOrDefault(s.Key)));

    /// <summary>Each stage per GiB, then what the process spent outside them ("other": GC, the runtime, polling, the kernel's share not charged to a stage).</summary>
    public string PerGiB(double gib, double processCpuSeconds) => Seconds.Count == 0
        ? "no stage breakdown (this dock build does not write one)"
        : string.Join(", ", Seconds.Select(s => $"{s.Key} {s.Value / gib:F2}")) + $", other {(processCpuSeconds - Total) / gib:F2} s/GiB";
}
