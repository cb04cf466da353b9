using System.Globalization;

namespace DockGateway.Benchmarks.Gpio;

/// <summary>This process's CPU time, read from /proc/self/stat (utime + stime, in clock ticks).</summary>
public static class ProcessCpu
{
    /// <summary>USER_HZ: 100 on Linux on x86-64 and arm64.</summary>
    public const double TicksPerSecond = 100;

    public static TimeSpan Used()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture); // field 14
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture); // field 15
        return TimeSpan.FromSeconds((utime + stime) / TicksPerSecond);
    }
}
