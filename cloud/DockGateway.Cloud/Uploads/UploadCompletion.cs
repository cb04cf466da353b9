using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// The last step of an upload: the full SHA-256 must equal the declared one; only then is the
/// partial moved into the blob store and a signed receipt returned. A mismatch deletes the
/// partial and the upload (422).
/// </summary>
public sealed class UploadCompletion(
    IUploadStore store,
    IBlobStore blobs,
    RunningHashes hashes,
    UploadReceiptSigner receipts,
    TimeProvider time,
    ILogger<UploadCompletion> logger)
{
    public async Task<IResult> CompleteAsync(HttpContext http, TusUpload upload, CancellationToken cancellationToken)
    {
        var actual = await FullHashAsync(upload, cancellationToken);
        hashes.Forget(upload.Id);
        if (actual != upload.Sha256)
        {
            await blobs.DeletePartialAsync(upload.Id, cancellationToken);
            await store.DeleteAsync(upload.Id, cancellationToken);
            logger.LogWarning("Upload {Upload} from dock {Dock} hashed to {Actual}, not the declared {Sha256}; deleted",
                upload.Id, upload.DockId, actual, upload.Sha256);
            return TusResults.Problem(422, "SHA-256 mismatch",
                $"The uploaded file's SHA-256 is {actual}, not the declared {upload.Sha256}; the upload was deleted.");
        }

        await blobs.CommitAsync(upload.Id, upload.Sha256, cancellationToken);
        var completedAt = time.GetUtcNow();
        await store.TryCompleteAsync(upload.Id, completedAt, cancellationToken);
        logger.LogInformation("Upload {Upload} from dock {Dock} complete: {Sha256} ({Size} bytes, entry {Entry})",
            upload.Id, upload.DockId, upload.Sha256, upload.Length, upload.Entry);
        return Completed(http, upload with { CompletedAt = completedAt });
    }

    /// <summary>204 with the final offset and the receipt, for a completed upload.</summary>
    public IResult Completed(HttpContext http, TusUpload upload)
    {
        http.Response.Headers[TusProtocol.UploadOffset] = upload.Length.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[TusProtocol.UploadReceipt] = TusHeaders.Receipt(receipts.Sign(UploadReceipt.For(upload)));
        return Results.NoContent();
    }

    private async Task<string> FullHashAsync(TusUpload upload, CancellationToken cancellationToken)
    {
        using var running = hashes.CopyAt(upload.Id, upload.Offset);
        if (running is not null && upload.Offset > 0)
        {
            return Convert.ToHexStringLower(running.GetHashAndReset());
        }
        await using var partial = blobs.ReadPartial(upload.Id);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(partial, cancellationToken));
    }
}
