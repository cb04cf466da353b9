using System.Globalization;

namespace DockGateway.Benchmarks.Ingest;

/// <summary>
/// CPU seconds of each thread of a process (from <c>/proc/PID/task/TID/stat</c>, clock ticks of 1/100 s), so a
/// run's CPU can be split by thread name (thread pool, the read-back's long-running thread, the JIT, the GC...).
/// </summary>
internal static class ThreadCpu
{
    public static Dictionary<(int Tid, string Name), double> Read(int pid)
    {
        var threads = new Dictionary<(int, string), double>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
                threads[(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), name)] = seconds;
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return threads;
    }

    /// <summary>Seconds per thread name between two readings (threads that ended in between are missing: their time is in the process total only).</summary>
    public static string PerGiB(Dictionary<(int Tid, string Name), double> before, Dictionary<(int Tid, string Name), double> after, double gib) =>
        string.Join(", ", after
            .Select(t => (t.Key.Name, Seconds: t.Value - before.GetValueOrDefault(t.Key)))
            .GroupBy(t => t.Name)
            .Select(g => (Name: g.Key, Seconds: g.Sum(t => t.Seconds)))
            .Where(g => g.Seconds >= 0.005)
            .OrderByDescending(g => g.Seconds)
            .Select(g => $"{g.Name.Trim()} {g.Seconds / gib:F2}"));
}
