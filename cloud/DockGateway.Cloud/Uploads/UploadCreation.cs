using System.Globalization;
using DockGateway.Cloud.DockAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// tus creation (<c>POST /api/v1/uploads/</c>). A file the dock's own agency already holds is not
/// uploaded again: the answer is 201 with <c>Upload-Offset</c> equal to <c>Upload-Length</c>
/// and the signed receipt in <c>Upload-Receipt</c>. A file only another agency holds is uploaded
/// like any new file (offset 0, hash-checked on completion; the blob store keeps one copy): knowing a
/// SHA-256 proves nothing, and the answer must not tell whether another agency holds the file.
/// </summary>
public sealed class UploadCreation(
    IUploadStore store,
    IBlobStore blobs,
    UploadCompletion completion,
    UploadReceiptSigner receipts,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<UploadCreation> logger)
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var dock = http.GetDock();
        var request = http.Request;
        if (request.Headers.ContainsKey(TusProtocol.UploadDeferLength))
        {
            return TusResults.Problem(400, "Deferred length not supported", "Send Upload-Length; Upload-Defer-Length is not supported.");
        }
        if (!TusHeaders.TryNonNegative(request.Headers[TusProtocol.UploadLength], out var length))
        {
            return TusResults.Problem(400, "Missing Upload-Length", "Upload-Length must be a non-negative decimal integer.");
        }
        if (length > options.Value.MaxSize)
        {
            http.Response.Headers[TusProtocol.TusMaxSize] = options.Value.MaxSize.ToString(CultureInfo.InvariantCulture);
            return TusResults.Problem(413, "Upload too large", $"Upload-Length {length} exceeds Tus-Max-Size {options.Value.MaxSize}.");
        }
        var metadata = UploadMetadata.TryParse(request.Headers[TusProtocol.UploadMetadata], out var problem);
        if (metadata is null)
        {
            return TusResults.Problem(400, "Bad Upload-Metadata", problem);
        }
        if (metadata.Size != length)
        {
            return TusResults.Problem(400, "Size mismatch", $"Upload-Metadata 'size' {metadata.Size} differs from Upload-Length {length}.");
        }
        if (request.ContentLength is > 0)
        {
            return TusResults.Problem(400, "Creation with upload not supported", "POST must have an empty body; send the bytes with PATCH.");
        }

        if (length == 0 && metadata.Sha256 != EmptySha256)
        {
            return TusResults.Problem(422, "SHA-256 mismatch", $"An empty file's SHA-256 is {EmptySha256}, not the declared {metadata.Sha256}.");
        }

        var now = time.GetUtcNow();
        // The blob store is asked only once the dock's own agency is known to hold the file: its answer covers every agency.
        var duplicate = await store.AgencyHoldsAsync(dock.AgencyCode, metadata.Sha256, cancellationToken)
            && await blobs.ExistsAsync(metadata.Sha256, cancellationToken);
        var upload = new TusUpload(
            UploadIds.New(), dock.DockId, length, duplicate ? length : 0, metadata.Sha256, metadata.Entry,
            metadata.FileName, metadata.Recorder, now, now + options.Value.Expiry, duplicate ? now : null, duplicate);
        await store.CreateAsync(upload, cancellationToken);

        var response = http.Response;
        response.Headers.Location = $"{request.PathBase}/api/v1/uploads/{upload.Id}";
        response.Headers[TusProtocol.UploadOffset] = upload.Offset.ToString(CultureInfo.InvariantCulture);
        if (length == 0 && !duplicate)
        {
            // Nothing to PATCH: store the empty blob now and answer with its receipt.
            await (await blobs.OpenPartialAsync(upload.Id, 0, cancellationToken)).DisposeAsync();
            await completion.CompleteAsync(http, upload, cancellationToken);
            return Results.StatusCode(StatusCodes.Status201Created);
        }
        if (duplicate)
        {
            response.Headers[TusProtocol.UploadReceipt] = TusHeaders.Receipt(receipts.Sign(upload.Receipt()));
            logger.LogInformation("Dock {Dock} offered {Sha256} (entry {Entry}) which is already stored; acknowledged as upload {Upload}",
                dock.DockId, metadata.Sha256, metadata.Entry, upload.Id);
        }
        else
        {
            response.Headers[TusProtocol.UploadExpires] = upload.ExpiresAt.ToString("r", CultureInfo.InvariantCulture);
            logger.LogInformation("Dock {Dock} created upload {Upload} for {Sha256} ({Size} bytes, entry {Entry})",
                dock.DockId, upload.Id, metadata.Sha256, length, metadata.Entry);
        }
        return Results.StatusCode(StatusCodes.Status201Created);
    }
}
