namespace DockGateway.Benchmarks.Cloud.Memory;

/// <summary>
/// One reading of the dock's /proc/&lt;pid&gt;/status, in bytes: VmRSS (resident now), VmHWM (peak
/// resident since start, as the kernel counts it), and the resident set split into anonymous memory
/// (GC heap, native heaps, stacks), file-backed pages (mapped assemblies and libraries) and shared
/// memory (the runtime's W^X double mapping of JIT code and stubs, <c>/memfd:doublemapper</c>).
/// </summary>
internal sealed record RssSample(TimeSpan At, long Rss, long Hwm, long Anon, long File, long Shmem);
