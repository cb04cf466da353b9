using DockGateway.Device.Custody;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Ingests recorders: for each inserted recorder it walks the (untrusted) volume and runs the custody
/// invariant of DESIGN.md §4 on every media file — copy + SHA-256 in one pass, fsync, rename, directory
/// fsync, read-back verification, committed <c>ingested</c> entry, only then erase, then <c>erased</c>.
/// Each slot runs its own session concurrently; the <see cref="CustodyLog"/> serializes appends.
/// </summary>
public sealed class IngestPipeline(
    CustodyLog log,
    FootageStore store,
    IOptions<DockOptions> options,
    TimeProvider time,
    IngestHooks hooks,
    ILogger<IngestPipeline> logger)
{
    private readonly DockOptions _options = options.Value;
    private readonly IReadOnlySet<string> _mediaExtensions = options.Value.MediaExtensionSet;

    internal CustodyLog Log => log;

    internal FootageStore Store => store;

    internal DockOptions Options => _options;

    internal TimeProvider Time => time;

    internal IngestHooks Hooks => hooks;

    internal ILogger Logger => logger;

    internal FootageCopier Copier { get; } = new(hooks);

    internal CopyConcurrency Copying { get; } = new();

    internal VolumeLimits Limits { get; } = new(options.Value.MaxEntries, options.Value.MaxDepth, options.Value.MaxNameBytes, options.Value.MaxPathBytes);

    internal bool IsMedia(VolumePath path) => _mediaExtensions.Contains(path.Extension);

    /// <summary>
    /// Ingests one recorder. Reports progress through <paramref name="report"/>; returns the final status
    /// (<see cref="SlotState.Done"/> only when every media file was ingested and erased). Cancellation
    /// (the recorder was pulled out, the service stops) ends it with nothing further wiped.
    /// </summary>
    public Task<SlotStatus> IngestAsync(int slot, RecorderIdentity recorder, IRecorderVolume volume,
        Func<SlotStatus, ValueTask> report, CancellationToken cancellationToken) =>
        IngestAsync(slot, recorder, volume, null, report, cancellationToken);

    /// <summary>As above, recording what the hardware learnt about the recorder's clock in the <c>inserted</c> entry.</summary>
    public Task<SlotStatus> IngestAsync(int slot, RecorderIdentity recorder, IRecorderVolume volume, RecorderClock? clock,
        Func<SlotStatus, ValueTask> report, CancellationToken cancellationToken) =>
        new IngestSession(this, slot, recorder, volume, report).RunAsync(clock, cancellationToken);
}
