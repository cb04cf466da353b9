using DockGateway.Device.Custody;
using DockGateway.Device.Slots;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Text;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Ingest;

/// <summary>One recorder in one slot, from insertion to done/error. The per-file steps are in IngestSession.File.cs.</summary>
internal sealed partial class IngestSession(
    IngestPipeline pipeline,
    int slot,
    RecorderIdentity recorder,
    IRecorderVolume volume,
    Func<SlotStatus, ValueTask> report)
{
    private readonly VolumeTree _tree = new(volume.RootPath, pipeline.Limits);
    private readonly HashSet<long> _sequences = [];
    private readonly Dictionary<string, IngestedFile> _pending = new(StringComparer.Ordinal);
    private int _files;
    private int _done;
    private int _errors;
    private int _kept;
    private int _skipped;
    private int _problemEntries;
    private Task _finishing = Task.CompletedTask;

    /// <summary>A hostile volume could hold 100 000 symlinks: past this many, problems are counted, not logged one by one.</summary>
    private const int MaxProblemEntries = 1000;

    private string Serial => recorder.Serial;

    public async Task<SlotStatus> RunAsync(RecorderClock? clock, CancellationToken cancellationToken)
    {
        var log = pipeline.Log;
        Append(new InsertedEntry(slot, Serial, recorder.Vendor, recorder.Model,
            clock?.Skew is { } skew ? (long)Math.Round(skew.TotalSeconds) : null, clock?.SetTo));
        if (!recorder.IsRegistered)
        {
            Append(new UnregisteredEntry(slot, Serial, recorder.Vendor, recorder.Model));
            pipeline.Logger.LogWarning("Slot {Slot}: {Recorder} ({Vendor} {Model}) is not registered to this agency; ingesting it anyway, every entry flagged", slot, Serial, recorder.Vendor, recorder.Model);
        }

        await Show(SlotState.Mounted, "looking at the recorder's files", cancellationToken);

        var free = pipeline.Store.FreeBytes();
        if (free < pipeline.Options.MinFreeBytes)
        {
            return await DiskLow(free, pipeline.Options.MinFreeBytes, cancellationToken);
        }

        foreach (var file in log.PendingErasures(Serial))
        {
            _pending.TryAdd(Convert.ToHexString(file.PathBytes), file);
        }

        _files = _tree.Walk().Count(i => i.Kind == VolumeItemKind.File && pipeline.IsMedia(i.Path));
        await Show(SlotState.Ingesting, $"ingesting {Files(_files)}", cancellationToken);

        var walkComplete = true;
        try
        {
            foreach (var item in _tree.Walk())
            {
                cancellationToken.ThrowIfCancellationRequested();
                walkComplete &= item.Kind is not (VolumeItemKind.LimitReached or VolumeItemKind.Unreadable or VolumeItemKind.TooDeep or VolumeItemKind.PathTooLong);
                if (item.Kind != VolumeItemKind.File)
                {
                    Problem(item);
                }
                else if (!pipeline.IsMedia(item.Path))
                {
                    _skipped++;
                    pipeline.Logger.LogDebug("Slot {Slot}: skipping {Path} on {Recorder}: not a media file", slot, item.Path.Display, Serial);
                }
                else
                {
                    if (FileNamePatterns.SequenceNumber(item.Path.FileName) is { } sequence)
                    {
                        _sequences.Add(sequence);
                    }

                    await IngestFileAsync(item, cancellationToken);
                    await Show(SlotState.Ingesting, $"ingested {_done} of {Files(_files)}", cancellationToken);
                }
            }
        }
        catch (DiskLowException e)
        {
            await _finishing;
            return await DiskLow(e.FreeBytes, e.RequiredBytes, cancellationToken);
        }
        finally
        {
            // Never leave a verification or erasure running behind the session's back.
            await _finishing.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await _finishing; // rethrows what the last file's finish stage failed with

        if (walkComplete)
        {
            ReconcileMissing();
            RecordGaps();
        }

        if (_skipped > 0)
        {
            pipeline.Logger.LogInformation("Slot {Slot}: {Count} files on {Recorder} are not media (Dock:MediaExtensions) and were left on it", slot, _skipped, Serial);
        }

        if (_problemEntries > MaxProblemEntries)
        {
            Append(new ErrorEntry(slot, Serial, "more-problems",
                $"{_problemEntries - MaxProblemEntries} further problems on this recorder were not logged one by one"));
        }

        await volume.FlushAsync(cancellationToken);
        log.SignCheckpoint();
        return Final();
    }

    private SlotStatus Final()
    {
        if (_errors == 0 && _done == _files && _kept == 0)
        {
            return Status(SlotState.Done, $"done: {Files(_done)} ingested and erased");
        }

        if (volume.IsReadOnly && _errors == 0)
        {
            return Status(SlotState.Error, $"write-protected: {Files(_kept)} copied and logged, but the recorder could not be wiped");
        }

        return Status(SlotState.Error, $"{EnglishCount.Of(_errors, "problem", "problems")}, {_done} of {Files(_files)} ingested and erased; the rest stay on the recorder (see the custody log)");
    }

    private async Task<SlotStatus> DiskLow(long free, long required, CancellationToken cancellationToken)
    {
        Append(new DiskLowEntry(slot, Serial, free, required));
        pipeline.Logger.LogWarning("Slot {Slot}: disk low ({Free} bytes free, {Required} required): {Recorder} left untouched", slot, free, required, Serial);
        Interlocked.Increment(ref _errors);
        var status = Status(SlotState.Error, $"dock storage low: {free / (1024 * 1024)} MiB free, {required / (1024 * 1024)} MiB needed; the recorder keeps its files");
        await report(status);
        pipeline.Log.SignCheckpoint();
        cancellationToken.ThrowIfCancellationRequested();
        return status;
    }

    private void Problem(VolumeItem item)
    {
        var (refused, reason) = item.Kind switch
        {
            VolumeItemKind.Symlink => (true, "symlink"),
            VolumeItemKind.DeviceFile => (true, "device-file"),
            VolumeItemKind.Fifo => (true, "fifo"),
            VolumeItemKind.Socket => (true, "socket"),
            VolumeItemKind.TooDeep => (true, "too-deep"),
            VolumeItemKind.PathTooLong => (true, "path-too-long"),
            VolumeItemKind.LimitReached => (false, "too-many-files"),
            _ => (false, "unreadable"),
        };
        FileProblem(item.Path, reason, item.Detail ?? reason, refused);
    }

    /// <summary>A file that could not be ingested (an <c>error</c> entry) or will not be (<paramref name="refused"/>: a <c>refused</c> entry).</summary>
    private void FileProblem(VolumePath? path, string reason, string detail, bool refused = false)
    {
        Interlocked.Increment(ref _errors);
        if (Interlocked.Increment(ref _problemEntries) > MaxProblemEntries)
        {
            return;
        }

        Append(refused
            ? new RefusedEntry(slot, reason, detail, Recorder: Serial, Path: path?.Display, PathEncoding: path?.EntryEncoding)
            : new ErrorEntry(slot, Serial, reason, detail, Path: path?.Display, PathEncoding: path?.EntryEncoding));
        pipeline.Logger.LogWarning("Slot {Slot}: {Type} {Reason} for {Path} on {Recorder}: {Detail}", slot, refused ? "refused" : "error", reason, path?.Display, Serial, detail);
    }

    /// <summary>Files ingested earlier (before a crash) whose erasure was never logged and that are gone now.</summary>
    private void ReconcileMissing()
    {
        foreach (var file in _pending.Values)
        {
            var path = new VolumePath(file.PathBytes);
            pipeline.Log.AppendErased(
                Flag(new ReconciledEntry(slot, Serial, path.Display, file.Sha256, file.EntryIndex, "not-on-recorder", path.EntryEncoding)),
                file.EntryIndex);
        }
    }

    /// <summary>After a complete walk only: the recorder's numbers from the custody log and from this walk decide the gaps (<see cref="SequenceGaps"/>).</summary>
    private void RecordGaps()
    {
        var history = pipeline.Log.RecorderHistory(Serial);
        var known = history.Paths
            .Select(p => FileNamePatterns.SequenceNumber(p[(p.LastIndexOf('/') + 1)..]))
            .OfType<long>()
            .Concat(_sequences);
        var gaps = SequenceGaps.Decide(history.LastSequence, known, out var decided);
        foreach (var (previous, next) in gaps.Except(history.ReportedGaps))
        {
            Append(GapEntry.Between(slot, Serial, previous, next));
            pipeline.Logger.LogWarning("Slot {Slot}: {Recorder} skips from file {Previous} to {Next}: footage may have been deleted", slot, Serial, previous, next);
        }

        if (_sequences.Count > 0 && _sequences.Max() < history.LastSequence)
        {
            pipeline.Logger.LogInformation("Slot {Slot}: {Recorder}'s files are numbered up to {Highest}, below the last decided {Last}: numbering restarted or files left from earlier; not checked for gaps until the numbers pass it",
                slot, Serial, _sequences.Max(), history.LastSequence);
        }

        pipeline.Log.DecideSequences(Serial, decided, history.LogSize);
    }

    /// <summary>Every entry about an unregistered recorder carries "unregistered": true.</summary>
    private T Flag<T>(T entry) where T : SlotEntry => recorder.IsRegistered ? entry : (T)((SlotEntry)entry with { Unregistered = true });

    private void Append(SlotEntry entry) => pipeline.Log.Append(Flag(entry));

    private SlotStatus Status(SlotState state, string message) => new(slot, state, Serial, _files, Volatile.Read(ref _done), Volatile.Read(ref _errors), message);

    private ValueTask Show(SlotState state, string message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return report(Status(state, message));
    }

    private static string Files(int count) => EnglishCount.Of(count, "file", "files");
}
