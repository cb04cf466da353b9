using System.Globalization;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>
/// How much written data the kernel lets a server leave in the page cache before it must wait for the disk: the
/// dirty thresholds (<c>vm.dirty_background_ratio</c>, <c>vm.dirty_ratio</c>, or their <c>_bytes</c> forms) against the
/// memory available now. A run whose bytes stay under them measures a server that has not written its files yet;
/// one well over them measures every server at the disk's pace.
/// </summary>
public static class DirtyLimits
{
    public static string Describe(long runBytes)
    {
        var available = MemAvailableBytes();
        var background = Threshold("dirty_background_bytes", "dirty_background_ratio", available);
        var limit = Threshold("dirty_bytes", "dirty_ratio", available);
        var where = runBytes <= background ? "under both" : runBytes <= limit ? "between them" : "over both";
        return string.Create(CultureInfo.InvariantCulture,
            $"page cache: background writeback from about {background / 1e6:F0} MB dirty, writers throttled from about {limit / 1e6:F0} MB (of {available / 1e6:F0} MB available); this run's {runBytes / 1e6:F0} MB is {where}");
    }

    private static long Threshold(string bytesKnob, string ratioKnob, long available)
    {
        var bytes = Knob(bytesKnob);
        return bytes > 0 ? bytes : available * Knob(ratioKnob) / 100;
    }

    private static long Knob(string name) => long.Parse(File.ReadAllText($"/proc/sys/vm/{name}").Trim(), CultureInfo.InvariantCulture);

    private static long MemAvailableBytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
