using System.Globalization;

namespace DockGateway.Testing.Swarm;

/// <summary>A process's CPU time (user + system) from <c>/proc/PID/stat</c>; zero once the process is gone.</summary>
public static class CpuTime
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }

        // The command name (field 2) may hold spaces: count fields from its closing parenthesis (utime, stime are 14, 15).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
