using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Ingest;

// The custody invariant for one file (DESIGN.md §4), step by step.
internal sealed partial class IngestSession
{
    private async Task IngestFileAsync(VolumeItem item, CancellationToken cancellationToken)
    {
        var path = item.Path;
        var size = item.Identity!.Size;
        if (size == 0)
        {
            FileProblem(path, "zero-byte", "the file is empty: nothing to ingest, left on the recorder");
            return;
        }

        if (size > pipeline.Options.MaxFileBytes)
        {
            FileProblem(path, "too-large", $"{size} bytes is more than Dock:MaxFileBytes {pipeline.Options.MaxFileBytes}", refused: true);
            return;
        }

        if (_pending.Remove(Convert.ToHexString(path.Bytes), out var earlier) && await ErasedAfterRestart(path, earlier, cancellationToken))
        {
            return;
        }

        var free = pipeline.Store.FreeBytes();
        if (free - size < pipeline.Options.MinFreeBytes)
        {
            throw new DiskLowException($"{free} bytes free") { FreeBytes = free, RequiredBytes = size + pipeline.Options.MinFreeBytes };
        }

        // 1. Stream-copy to incoming/<tmp> while hashing.
        string temporary;
        string sha256;
        ReadBack? readBack;
        FileIdentity before;
        try
        {
            using var source = _tree.OpenRead(path, out before);
            using var destination = pipeline.Store.CreateTemporary(before.Size, out temporary);
            ReadBackVerifier? verifier = null;
            var alone = pipeline.Copying.Enter();
            try
            {
                var buffer = CopyConcurrency.BufferBytes(pipeline.Options.CopyBufferBytes, alone);
                // 3, pipelined: the stored copy is re-read from the disk, range by range, while it is copied.
                verifier = pipeline.Options.VerifyAfterCopy
                    ? new ReadBackVerifier(temporary, destination.SafeFileHandle, pipeline.Options.VerifyFromDisk, pipeline.Options.VerifyRangeBytes, Math.Min(pipeline.Options.VerifyRangeBytes, buffer), pipeline.Hooks)
                    : null;
                // Alone, through the page cache, its writeback started every 4 MiB: the kernel writes while this
                // thread hashes. Beside other copies, from the disk, it bypasses the page cache (O_DIRECT where the
                // file system allows it): nothing to fill, drop and reclaim; with buffers half the size (CopyConcurrency).
                var writer = CopyWriter.For(destination.SafeFileHandle, direct: pipeline.Options.VerifyFromDisk && !alone);
                sha256 = await pipeline.Copier.CopyAsync(source, path, before.Size, buffer, writer, verifier, () => ThrowIfGone(null), cancellationToken);
                readBack = verifier is null ? null : ReadBack.Of(await verifier.CompleteAsync(), temporary);
                verifier?.Dispose();
            }
            catch
            {
                verifier?.Dispose();
                destination.Dispose();
                Discard(temporary, path);
                throw;
            }
            finally
            {
                pipeline.Copying.Exit();
            }
        }
        catch (SourceChangedException e)
        {
            FileProblem(path, "changed-while-reading", e.Message);
            return;
        }
        catch (IOException e) when (e is not RecorderGoneException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfGone(e);
            FileProblem(path, "read-failed", e.Message);
            return;
        }

        // Until steps 2-5 take the copy over, it is discarded on every way out: a recorder pulled or
        // vanished, an ingest cancelled, the previous file's steps failing.
        var owned = true;
        try
        {
            if (_tree.Stat(path) != before)
            {
                ThrowIfGone(null);
                FileProblem(path, "changed-while-reading", "the file's size or times changed while it was copied");
                return;
            }

            if (pipeline.Log.FindIngested(sha256) is { } existing)
            {
                owned = !Discard(temporary, path);
                await EraseDuplicateAsync(path, before, sha256, existing, cancellationToken);
                return;
            }

            var time = RecordingTimeReader.Read(temporary, path.FileName, before.Modified);

            // Steps 2-5 of this file run in the background while the next file is copied, one file at a
            // time: its fsync, verification and commit overlap the next copy, never each other.
            await _finishing;
            _finishing = Task.Run(() => StoreAndFinishAsync(path, before, sha256, readBack, temporary, time, cancellationToken), CancellationToken.None);
            owned = false;
        }
        finally
        {
            if (owned)
            {
                Discard(temporary, path);
            }
        }
    }

    /// <summary>Deletes a temporary copy in incoming/ that will not be stored. True once it is gone.</summary>
    private bool Discard(string temporary, VolumePath path)
    {
        try
        {
            File.Delete(temporary);
            pipeline.Logger.LogDebug("Slot {Slot}: discarded the temporary copy {Temporary} of {Path}", slot, temporary, path.Display);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            pipeline.Logger.LogError(e, "Slot {Slot}: could not discard the temporary copy {Temporary} of {Path}; it goes at the next start", slot, temporary, path.Display);
            return false;
        }
    }

    private void Erase(VolumePath path, FileIdentity copied, string sha256, long ingestedIndex, CancellationToken cancellationToken)
    {
        if (volume.IsReadOnly)
        {
            Interlocked.Increment(ref _kept);
            return;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return; // pulled out: the next insertion erases it once its hash matches again
        }

        pipeline.Hooks.BeforeErase?.Invoke(path);
        if (_tree.Stat(path) != copied)
        {
            FileProblem(path, "changed-before-erase", "the file changed after it was copied: not erased");
            return;
        }

        try
        {
            _tree.Erase(path);
        }
        catch (IOException e)
        {
            FileProblem(path, "erase-failed", e.Message);
            return;
        }

        pipeline.Hooks.AfterErase?.Invoke(path);
        pipeline.Log.AppendErased(Flag(new ErasedEntry(slot, Serial, path.Display, sha256, ingestedIndex, path.EntryEncoding)), ingestedIndex);
        Interlocked.Increment(ref _done);
    }

    /// <summary>A file ingested before a crash but never erased: erase it once its hash matches the log again.</summary>
    private async Task<bool> ErasedAfterRestart(VolumePath path, IngestedFile earlier, CancellationToken cancellationToken)
    {
        string sha256;
        FileIdentity before;
        try
        {
            using var source = _tree.OpenRead(path, out before);
            // Only hashed, outside the copies' count: the smaller buffer, whatever the other slots do.
            sha256 = await pipeline.Copier.CopyAsync(source, path, before.Size, CopyConcurrency.BufferBytes(pipeline.Options.CopyBufferBytes, alone: false), destination: null, verifier: null, () => ThrowIfGone(null), cancellationToken);
        }
        catch (IOException e) when (e is not RecorderGoneException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfGone(e);
            FileProblem(path, "read-failed", e.Message);
            return true;
        }

        if (sha256 != earlier.Sha256 || !await StoredCopyIntactAsync(earlier))
        {
            return false;
        }

        pipeline.Logger.LogInformation("Slot {Slot}: {Path} was ingested before a restart (entry {Index}); erasing it now", slot, path.Display, earlier.EntryIndex);
        Erase(path, before, sha256, earlier.EntryIndex, cancellationToken);
        return true;
    }

    private async Task EraseDuplicateAsync(VolumePath path, FileIdentity copied, string sha256, IngestedFile existing, CancellationToken cancellationToken)
    {
        if (!await StoredCopyIntactAsync(existing))
        {
            FileProblem(path, "duplicate-copy-missing",
                $"same SHA-256 as entry {existing.EntryIndex}, whose stored copy {existing.Stored} is missing or altered: left on the recorder");
            return;
        }

        if (volume.IsReadOnly || cancellationToken.IsCancellationRequested)
        {
            Erase(path, copied, sha256, existing.EntryIndex, cancellationToken); // counts it as kept, or leaves it for the next insertion
            return;
        }

        // Name this recorder's file in a committed entry before it leaves the recorder.
        Append(new DuplicateEntry(slot, Serial, path.Display, sha256, copied.Size, existing.EntryIndex, path.EntryEncoding));
        pipeline.Logger.LogInformation("Slot {Slot}: {Path} is already in custody (entry {Index}); not ingested twice", slot, path.Display, existing.EntryIndex);
        Erase(path, copied, sha256, existing.EntryIndex, cancellationToken);
    }

    /// <summary>A read failing because the whole volume left is a removal, not a file problem.</summary>
    private void ThrowIfGone(Exception? cause)
    {
        if (!Directory.Exists(volume.RootPath))
        {
            throw new RecorderGoneException($"the volume of {Serial} at {volume.RootPath} is gone", cause ?? new IOException("volume missing"));
        }
    }

    private async Task<bool> StoredCopyIntactAsync(IngestedFile file)
    {
        var full = pipeline.Store.FullPath(file.Stored);
        if (!File.Exists(full) || new FileInfo(full).Length != file.Size)
        {
            return false;
        }

        return !pipeline.Options.VerifyAfterCopy
            || await StoredCopyHash.ComputeAsync(full, pipeline.Options.CopyBufferBytes, pipeline.Options.VerifyFromDisk, CancellationToken.None) == file.Sha256;
    }
}
