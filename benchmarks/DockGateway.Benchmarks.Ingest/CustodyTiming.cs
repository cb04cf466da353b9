using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;

namespace DockGateway.Benchmarks.Ingest;

/// <summary>
/// The dock's own view of a run, from its custody log: the time between the first entry of the
/// benchmark's recorders (<c>inserted</c>) and their last one, i.e. without slot detection latency.
/// </summary>
internal static class CustodyTiming
{
    public static TimeSpan? Span(string dataDirectory, string serialPrefix)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        using var store = CustodyStore.OpenReadOnly(dataDirectory);
        var times = store.Entries(0, store.EntryCount())
            .Select(r => r.Entry)
            .Where(e => e is IRecorderEntry { Recorder: { } recorder } && recorder.StartsWith(serialPrefix, StringComparison.Ordinal))
            .Select(e => e.Time)
            .ToList();
        return times.Count < 2 ? null : times.Max() - times.Min();
    }
}
