namespace DockGateway.Benchmarks.Ingest;

/// <summary>Ranges over the rounds per case, and the issue's goals, printed (not asserted) as met or not.</summary>
internal static class Summary
{
    public static void Print(List<IngestResult> results)
    {
        Console.WriteLine("Summary (min-max over rounds):");
        Console.WriteLine("  case         dock MB/s   cp+sync MB/s  serial MB/s   floor MB/s    x cp+sync   x serial    x floor     CPU s/GiB   peak RSS MB  load (1 min)");
        foreach (var group in results.GroupBy(r => r.Case))
        {
            var c = group.Key;
            string R(Func<IngestResult, double> f, string format) =>
                $"{group.Min(f).ToString(format, System.Globalization.CultureInfo.InvariantCulture)}-{group.Max(f).ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
            Console.WriteLine($"  {c.Name,-12} {R(r => c.Rate(r.Dock), "F0"),-11} {R(r => c.Rate(r.Cp), "F0"),-13} {R(r => c.Rate(r.Serial), "F0"),-13} {R(r => c.Rate(r.Floor), "F0"),-13} "
                + $"{R(r => c.Rate(r.Dock) / c.Rate(r.Cp), "F2"),-11} {R(r => c.Rate(r.Dock) / c.Rate(r.Serial), "F2"),-11} {R(r => c.Rate(r.Dock) / c.Rate(r.Floor), "F2"),-11} {R(r => r.Dock.CpuSeconds / c.GiB, "F2"),-11} "
                + $"{R(r => r.Dock.PeakRss / 1e6, "F1"),-12} {string.Join(" / ", group.Select(r => r.Dock.Load.Split(' ')[0]))}");
        }

        Goal(results, "1x1g", "one slot 1 GiB >= 0.7x cp+sync", r => r.Case.Rate(r.Dock) / r.Case.Rate(r.Cp) >= 0.7);
        Goal(results, "1x1g", "one slot 1 GiB >= 1.2x serial", r => r.Case.Rate(r.Dock) / r.Case.Rate(r.Serial) >= 1.2);
        Goal(results, "4x1g", "four slots >= 0.9x four parallel cp+sync", r => r.Case.Rate(r.Dock) / r.Case.Rate(r.Cp) >= 0.9);
        Goal(results, null, "<= 2.0 dock CPU-s/GiB", r => r.Dock.CpuSeconds / r.Case.GiB <= 2.0);
        Goal(results, "4x1g", "peak RSS <= 80 MB (four slots)", r => r.Dock.PeakRss <= 80e6);
    }

    private static void Goal(List<IngestResult> results, string? caseName, string what,
        Func<IngestResult, bool> met)
    {
        var runs = results.Where(r => caseName is null || r.Case.Name == caseName).ToList();
        if (runs.Count > 0)
        {
            Console.WriteLine($"Goal {what}: met in {runs.Count(met)} of {runs.Count} rounds");
        }
    }
}
