using System.Globalization;
using DockGateway.Cloud.DockAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Uploads;

/// <summary>tus OPTIONS, HEAD and DELETE, and the receipt of a finished upload.</summary>
public sealed class UploadQueries(
    IUploadStore store,
    IBlobStore blobs,
    RunningHashes hashes,
    UploadLocks locks,
    UploadCompletion completion,
    UploadReceiptSigner receipts,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<UploadQueries> logger)
{
    public IResult Options(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers[TusProtocol.TusVersion] = TusProtocol.Version;
        headers[TusProtocol.TusExtension] = TusProtocol.Extensions;
        headers[TusProtocol.TusMaxSize] = options.Value.MaxSize.ToString(CultureInfo.InvariantCulture);
        headers[TusProtocol.TusChecksumAlgorithm] = TusProtocol.ChecksumAlgorithms;
        return Results.NoContent();
    }

    /// <summary>
    /// Where an upload stands; a finished one answers with its receipt. An upload holding every byte but not
    /// finished (the cloud died while finishing it) is finished here first, unless another request holds it.
    /// </summary>
    public async Task<IResult> HeadAsync(HttpContext http, string id, CancellationToken cancellationToken)
    {
        var upload = await store.FindAsync(id, cancellationToken);
        if (TusUploadLookup.Refuse(upload, http.GetDock(), time.GetUtcNow(), http.Response) is { } refusal)
        {
            return refusal;
        }
        if (!upload!.IsComplete && upload.Offset == upload.Length)
        {
            // Not cancelled with the request: hashing a large partial may outlast the dock's timeout, and its next HEAD should find the work done.
            var finished = await FinishAsync(id, CancellationToken.None);
            if (finished is { Outcome: UploadFinishOutcome.HashMismatch })
            {
                return TusResults.Problem(404, "No such upload", "The upload did not match its SHA-256 and was deleted; create it again.");
            }
            upload = finished?.Upload ?? await store.FindAsync(id, cancellationToken) ?? upload;
        }
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers[TusProtocol.UploadOffset] = upload!.Offset.ToString(CultureInfo.InvariantCulture);
        headers[TusProtocol.UploadLength] = upload.Length.ToString(CultureInfo.InvariantCulture);
        if (upload.IsComplete)
        {
            headers[TusProtocol.UploadReceipt] = TusHeaders.Receipt(receipts.Sign(upload.Receipt()));
        }
        else
        {
            headers[TusProtocol.UploadExpires] = upload.ExpiresAt.ToString("r", CultureInfo.InvariantCulture);
        }
        return Results.Ok();
    }

    /// <summary>Finishes a full, unfinished upload under its lock; null when another request holds the lock or it changed meanwhile.</summary>
    private async Task<UploadFinish?> FinishAsync(string id, CancellationToken cancellationToken)
    {
        await using var held = await locks.TryEnterAsync(id, cancellationToken);
        if (held is null)
        {
            return null;
        }
        var upload = await store.FindAsync(id, cancellationToken);
        return upload is { IsComplete: false } && upload.Offset == upload.Length
            ? await completion.FinishAsync(upload, cancellationToken)
            : null;
    }

    /// <summary>Termination. Finished uploads are evidence and are not deleted by a dock (409).</summary>
    public async Task<IResult> DeleteAsync(HttpContext http, string id, CancellationToken cancellationToken)
    {
        var dock = http.GetDock();
        await using var held = await locks.TryEnterAsync(id, cancellationToken);
        if (held is null)
        {
            return TusResults.Problem(409, "Upload busy", $"A PATCH to upload {id} is in progress.");
        }
        var upload = await store.FindAsync(id, cancellationToken);
        if (upload is null || upload.DockId != dock.DockId)
        {
            return TusResults.Problem(404, "No such upload", "There is no upload with this id for this dock.");
        }
        if (upload.IsComplete)
        {
            return TusResults.Problem(409, "Upload complete", $"Upload {id} is complete; stored footage is not deleted through tus.");
        }
        await store.DeleteAsync(id, cancellationToken);
        await blobs.DeletePartialAsync(id, cancellationToken);
        hashes.Forget(id);
        logger.LogInformation("Dock {Dock} terminated upload {Upload} at {Offset} of {Length} bytes", dock.DockId, id, upload.Offset, upload.Length);
        return Results.NoContent();
    }

    /// <summary><c>GET /api/v1/uploads/{id}/receipt</c>: the receipt as JSON, the signed note included.</summary>
    public async Task<IResult> ReceiptAsync(HttpContext http, string id, CancellationToken cancellationToken)
    {
        var upload = await store.FindAsync(id, cancellationToken);
        if (upload is null || upload.DockId != http.GetDock().DockId)
        {
            return TusResults.Problem(404, "No such upload", "There is no upload with this id for this dock.");
        }
        if (!upload.IsComplete)
        {
            return TusResults.Problem(409, "Upload not complete", $"Upload {id} holds {upload.Offset} of {upload.Length} bytes.");
        }
        var receipt = upload.Receipt();
        return Results.Json(new UploadReceiptDocument(
            receipt.UploadId, receipt.DockId, receipt.Sha256, receipt.Size, receipt.Entry, receipt.ReceivedAt,
            receipt.Duplicate, receipts.Sign(receipt), receipts.VerifierKey));
    }
}
