using System.Diagnostics;
using DockGateway.Device.Slots;
using DockGateway.Device.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Hosting;

/// <summary>
/// Hands memory back to the system once the dock is at rest (issue 8 item 6): when no slot is working, the
/// queues (uploads, events) and slot statuses have not changed and little was allocated for
/// <see cref="Quiet"/>, one aggressive compacting collection (which decommits the freed GC regions) and
/// glibc's malloc_trim (SQLite's heap); then not again until new work happened.
/// Changes nothing the dock guarantees: it only frees memory nothing refers to.
/// </summary>
internal sealed class IdleTrimmer(SlotBoard board, IEnumerable<IQueueLength> queues, TimeProvider time, ILogger<IdleTrimmer> logger) : BackgroundService
{
    internal static readonly TimeSpan Quiet = TimeSpan.FromSeconds(20);
    internal static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>More than this allocated between two looks counts as work (an upload streaming, a replay).</summary>
    internal const long AllocationPerPoll = 4L << 20;

    private readonly IQueueLength[] _queues = queues.ToArray();

    internal static bool Working(SlotState state) =>
        state is not (SlotState.Empty or SlotState.Done or SlotState.Error or SlotState.Refused);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var detector = new IdleDetector(time, Quiet);
        var allocated = GC.GetTotalAllocatedBytes();
        using var timer = new PeriodicTimer(Poll, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = GC.GetTotalAllocatedBytes();
            var busy = now - allocated > AllocationPerPoll || board.Current.Values.Any(s => Working(s.State));
            allocated = now;
            if (detector.Observe(busy, Mark()))
            {
                Trim();
                allocated = GC.GetTotalAllocatedBytes();
            }
        }
    }

    /// <summary>Changes whenever a queue length or a slot status does (order-independent over the slots).</summary>
    private long Mark()
    {
        var hash = new HashCode();
        foreach (var queue in _queues)
        {
            try
            {
                hash.Add(queue.QueueLength);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or Microsoft.Data.Sqlite.SqliteException)
            {
                hash.Add(Stopwatch.GetTimestamp()); // unreadable (shutting down): counts as a change, never as rest
            }
        }

        var slots = 0L;
        foreach (var status in board.Current.Values)
        {
            slots += status.GetHashCode();
        }

        hash.Add(slots);
        return hash.ToHashCode();
    }

    private void Trim()
    {
        var before = Environment.WorkingSet;
        var started = Stopwatch.GetTimestamp();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var native = TrimNativeHeap();
        logger.LogInformation("At rest: memory handed back in {Milliseconds:F0} ms (native heap {Native}); working set {Before:F1} MB -> {After:F1} MB",
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, native ? "trimmed" : "untrimmed", before / 1e6, Environment.WorkingSet / 1e6);
    }

    /// <summary>
    /// glibc's malloc_trim(0): gives the free pages of every malloc arena (SQLite's, libmosquitto's) back to
    /// the system. False when the C library has no malloc_trim (musl), where there is nothing to do.
    /// </summary>
    private static bool TrimNativeHeap()
    {
        try
        {
            return Libc.malloc_trim(0) != 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }
}
