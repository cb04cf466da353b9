using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Ingest;

// The custody invariant for one file, steps 2-5 (DESIGN.md §4): they run in the background while the next file is copied.
internal sealed partial class IngestSession
{
    /// <summary>
    /// Step 2: fsync the copy, rename it into place, fsync the directories; then steps 3-5.
    /// <paramref name="readBack"/> is what the pipelined read-back found on the disk (null when Dock:VerifyAfterCopy is off).
    /// </summary>
    private async Task StoreAndFinishAsync(VolumePath path, FileIdentity before, string sha256, ReadBack? readBack, string temporary, RecordingTime time, CancellationToken cancellationToken)
    {
        var started = IngestCpuStages.Start();
        try
        {
            await StoreThenFinishAsync(path, before, sha256, readBack, temporary, time, cancellationToken);
        }
        finally
        {
            IngestCpuStages.Add(IngestCpuStage.Finish, started); // the thread's CPU: exact unless a duplicate's erase went asynchronous
            IngestCpuStages.Save();
        }
    }

    private async Task StoreThenFinishAsync(VolumePath path, FileIdentity before, string sha256, ReadBack? readBack, string temporary, RecordingTime time, CancellationToken cancellationToken)
    {
        string stored;
        try
        {
            DurableFile.Sync(temporary); // written through the copy's handle, closed by now
            pipeline.Hooks.BeforeStore?.Invoke(temporary);
            stored = pipeline.Store.Commit(temporary, Serial, time.Start, path, sha256);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(temporary, path);
            FileProblem(path, "store-failed", $"could not store the copy: {e.Message}; the recorder keeps the file");
            return;
        }
        catch
        {
            Discard(temporary, path);
            throw;
        }

        await FinishAsync(path, before, sha256, readBack, stored, time, cancellationToken);
    }

    /// <summary>Steps 3-5 for a copy already renamed into place: the whole read-back must match before anything is committed.</summary>
    private async Task FinishAsync(VolumePath path, FileIdentity before, string sha256, ReadBack? readBack, string stored, RecordingTime time, CancellationToken cancellationToken)
    {
        var full = pipeline.Store.FullPath(stored);
        pipeline.Hooks.BeforeVerify?.Invoke(full);
        if (pipeline.Options.VerifyAfterCopy)
        {
            var check = readBack?.CheckAgainst(full) ?? "not re-read";
            if (check != sha256)
            {
                string kept;
                try
                {
                    kept = pipeline.Store.Quarantine(full);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    kept = $"nowhere (could not move it: {e.Message})";
                }

                FileProblem(path, "verification-failed",
                    $"stored copy hashed {check}, expected {sha256}; copy moved to {kept}; the recorder keeps the file");
                return;
            }
        }

        // 4. Append the ingested entry and commit it.
        pipeline.Hooks.BeforeCommit?.Invoke(path);
        var age = pipeline.Time.GetUtcNow() - time.End;
        var late = age > pipeline.Options.LateAfter;
        var record = pipeline.Log.AppendIngestedOnce(
            Flag(new IngestedEntry(slot, Serial, recorder.Vendor, recorder.Model, path.Display, sha256, before.Size, stored, time.Start, time.End, time.Source, late, path.EntryEncoding)),
            new IngestedFile(0, sha256, before.Size, Serial, path.Bytes, stored, null),
            out var other);
        if (record is null)
        {
            // Another slot committed the same footage while this copy was verified: keep theirs only.
            if (other!.Stored != stored)
            {
                File.Delete(full);
            }

            await EraseDuplicateAsync(path, before, sha256, other, cancellationToken);
            return;
        }

        pipeline.Logger.LogInformation("Slot {Slot}: ingested {Path} from {Recorder} as {Stored} ({Sha256}, {Size} bytes, time from {TimeSource})",
            slot, path.Display, Serial, stored, sha256, before.Size, time.Source);
        if (late)
        {
            Append(new LateEntry(slot, Serial, path.Display, sha256, time.End, (long)age.TotalHours, path.EntryEncoding));
            pipeline.Logger.LogWarning("Slot {Slot}: {Path} from {Recorder} is late: it ended {Hours:F0} h before ingest", slot, path.Display, Serial, age.TotalHours);
        }

        // 5. Only now erase from the recorder, then log the erasure.
        Erase(path, before, sha256, record.Index, cancellationToken);
    }
}
