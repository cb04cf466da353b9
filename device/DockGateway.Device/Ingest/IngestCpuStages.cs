using System.Globalization;
using System.Text;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Ingest;

/// <summary>
/// A diagnostic: where an ingest's CPU time goes, stage by stage (<see cref="IngestCpuStage"/>), measured as
/// the CPU time of the thread doing each stage (<c>CLOCK_THREAD_CPUTIME_ID</c>). Off unless the environment
/// variable <c>DOCKGW_INGEST_CPU_STAGES</c> names a file: then the totals since start (nanoseconds, one
/// <c>stage=ns</c> line each) are rewritten there after each file (the ingest benchmark prints them).
/// </summary>
public static unsafe class IngestCpuStages
{
    public const string Variable = "DOCKGW_INGEST_CPU_STAGES";

    private static readonly string? s_file = OperatingSystem.IsLinux() ? Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } f ? f : null : null;
    private static readonly long[] s_nanoseconds = new long[Enum.GetValues<IngestCpuStage>().Length];
    private static readonly Lock s_writing = new();

    public static bool Enabled => s_file is not null;

    /// <summary>The calling thread's CPU time now (0 when off): pass it to <see cref="Add"/> when the stage ends.</summary>
    public static long Start() => s_file is null ? 0 : ThreadNanoseconds();

    /// <summary>Adds the calling thread's CPU time since <paramref name="started"/> to the stage.</summary>
    public static void Add(IngestCpuStage stage, long started)
    {
        if (s_file is not null)
        {
            Interlocked.Add(ref s_nanoseconds[(int)stage], ThreadNanoseconds() - started);
        }
    }

    /// <summary>Rewrites the totals file (when on).</summary>
    public static void Save()
    {
        if (s_file is null)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var stage in Enum.GetValues<IngestCpuStage>())
        {
            text.Append(CultureInfo.InvariantCulture, $"{stage}={Interlocked.Read(ref s_nanoseconds[(int)stage])}\n");
        }

        lock (s_writing)
        {
            File.WriteAllText(s_file + ".tmp", text.ToString());
            File.Move(s_file + ".tmp", s_file, overwrite: true);
        }
    }

    private static long ThreadNanoseconds()
    {
        Libc.Timespec now;
        _ = Libc.clock_gettime(Libc.CLOCK_THREAD_CPUTIME_ID, &now);
        return ((long)now.tv_sec * 1_000_000_000) + now.tv_nsec;
    }
}
