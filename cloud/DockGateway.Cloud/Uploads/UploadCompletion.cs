using System.Globalization;
using System.Security.Cryptography;
using DockGateway.Cloud.Metrics;
using DockGateway.Shared.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// The last step of an upload: the full SHA-256 must equal the declared one; only then is the
/// partial moved (durably) into the blob store, the upload marked complete and a signed receipt
/// returned. A mismatch deletes the partial and the upload (422). Every step can be repeated, so an
/// upload whose bytes all arrived is finished whichever step a crash came after: by the PATCH that
/// brought the last chunk, by a later HEAD or PATCH, or by <see cref="UploadRecovery"/> at start.
/// Callers hold the upload's lock (<see cref="UploadLocks"/>).
/// </summary>
public sealed class UploadCompletion(
    IUploadStore store,
    IBlobStore blobs,
    RunningHashes hashes,
    UploadReceiptSigner receipts,
    IOptions<UploadOptions> options,
    CloudMetrics metrics,
    TimeProvider time,
    ILogger<UploadCompletion> logger)
{
    /// <summary>Finishes the upload and answers the request: 204 with the receipt, 422 on a mismatch, 409 at offset 0 when the bytes were gone.</summary>
    public async Task<IResult> CompleteAsync(HttpContext http, TusUpload upload, CancellationToken cancellationToken)
    {
        var finish = await FinishAsync(upload, cancellationToken);
        switch (finish.Outcome)
        {
            case UploadFinishOutcome.Completed:
                return Completed(http, finish.Upload);
            case UploadFinishOutcome.HashMismatch:
                return TusResults.Problem(422, "SHA-256 mismatch",
                    $"The uploaded file's SHA-256 is {finish.ActualSha256}, not the declared {upload.Sha256}; the upload was deleted.");
            default:
                http.Response.Headers[TusProtocol.UploadOffset] = "0";
                return TusResults.Problem(409, "Bytes lost", $"Upload {upload.Id} lost its bytes; send them again from offset 0.");
        }
    }

    /// <summary>
    /// Finishes an upload whose offset reached its length and which is not yet complete; the caller
    /// holds its lock. A full partial is hashed and, when it matches, committed; a partial already
    /// moved leaves the blob, which got its name only after its hash matched; no bytes at all reset
    /// the offset to 0.
    /// </summary>
    public async Task<UploadFinish> FinishAsync(TusUpload upload, CancellationToken cancellationToken)
    {
        if (upload.IsComplete || upload.Offset != upload.Length)
        {
            throw new InvalidOperationException($"Upload {upload.Id} holds {upload.Offset} of {upload.Length} bytes (complete: {upload.IsComplete}); only a full, unfinished upload is finished.");
        }

        if (blobs.PartialLength(upload.Id) == upload.Length)
        {
            var actual = await FullHashAsync(upload, cancellationToken);
            hashes.Forget(upload.Id);
            if (actual != upload.Sha256)
            {
                await blobs.DeletePartialAsync(upload.Id, CancellationToken.None);
                await store.DeleteAsync(upload.Id, CancellationToken.None);
                metrics.UploadVerificationFailed();
                logger.LogWarning("Upload {Upload} from dock {Dock} hashed to {Actual}, not the declared {Sha256}; deleted",
                    upload.Id, upload.DockId, actual, upload.Sha256);
                return new UploadFinish(UploadFinishOutcome.HashMismatch, upload, actual);
            }

            await blobs.CommitAsync(upload.Id, upload.Sha256, CancellationToken.None);
        }
        else if (await blobs.ExistsAsync(upload.Sha256, CancellationToken.None))
        {
            hashes.Forget(upload.Id);
            await blobs.CommitAsync(upload.Id, upload.Sha256, CancellationToken.None); // removes a stray partial, makes the earlier move durable
            logger.LogInformation("Upload {Upload} from dock {Dock}: {Sha256} was already stored; finishing it", upload.Id, upload.DockId, upload.Sha256);
        }
        else
        {
            return await ResetAsync(upload);
        }

        CrashPoint.Reached("cloud-blob-committed");
        var completedAt = time.GetUtcNow();
        if (!await store.TryCompleteAsync(upload.Id, completedAt, CancellationToken.None))
        {
            // Another instance finished it first: answer with its completion time, so every receipt is the same.
            var stored = await store.FindAsync(upload.Id, CancellationToken.None);
            return stored is { IsComplete: true }
                ? new UploadFinish(UploadFinishOutcome.Completed, stored)
                : throw new InvalidOperationException($"Upload {upload.Id} could not be marked complete and is not complete.");
        }

        CrashPoint.Reached("cloud-completed");
        metrics.UploadCompleted(upload.Length);
        logger.LogInformation("Upload {Upload} from dock {Dock} complete: {Sha256} ({Size} bytes, entry {Entry})",
            upload.Id, upload.DockId, upload.Sha256, upload.Length, upload.Entry);
        return new UploadFinish(UploadFinishOutcome.Completed, upload with { CompletedAt = completedAt });
    }

    /// <summary>204 with the final offset and the receipt, for a completed upload.</summary>
    public IResult Completed(HttpContext http, TusUpload upload)
    {
        http.Response.Headers[TusProtocol.UploadOffset] = upload.Length.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[TusProtocol.UploadReceipt] = TusHeaders.Receipt(receipts.Sign(upload.Receipt()));
        CrashPoint.Reached("cloud-receipt-signed");
        return Results.NoContent();
    }

    /// <summary>Neither a full partial nor the blob: the offset goes back to 0, so the dock sends the file again instead of waiting for ever.</summary>
    private async Task<UploadFinish> ResetAsync(TusUpload upload)
    {
        hashes.Forget(upload.Id);
        await blobs.DeletePartialAsync(upload.Id, CancellationToken.None);
        var expiresAt = time.GetUtcNow() + options.Value.Expiry;
        await store.TryResetAsync(upload.Id, upload.Length, expiresAt, CancellationToken.None);
        logger.LogError("Upload {Upload} from dock {Dock} had every byte of {Sha256} recorded but neither the partial nor the blob is stored; its offset went back to 0",
            upload.Id, upload.DockId, upload.Sha256);
        return new UploadFinish(UploadFinishOutcome.BytesMissing, upload with { Offset = 0, ExpiresAt = expiresAt });
    }

    private async Task<string> FullHashAsync(TusUpload upload, CancellationToken cancellationToken)
    {
        using var running = hashes.CopyAt(upload);
        if (running is not null && upload.Offset > 0)
        {
            return Convert.ToHexStringLower(running.GetHashAndReset());
        }
        await using var partial = blobs.ReadPartial(upload.Id);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(partial, cancellationToken));
    }
}
