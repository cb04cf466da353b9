using System.Globalization;
using System.Security.Cryptography;
using DockGateway.Cloud.DockAuth;
using DockGateway.Shared.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// tus core <c>PATCH</c>: appends one chunk, streamed to the partial file while its SHA-256 and the file's
/// running SHA-256 are computed in the same pass (<see cref="ChunkWriter"/>). The chunk is kept only when it matches the signed Content-Digest and any
/// Upload-Checksum; it is fdatasync'd before the offset advances (compare-and-swap, committed in one transaction
/// with the signature's replay-cache row). A body cut off
/// mid-way without Upload-Checksum keeps what arrived, so the dock resumes from there.
/// </summary>
public sealed class UploadAppend(
    IUploadStore store,
    IBlobStore blobs,
    RunningHashes hashes,
    UploadLocks locks,
    UploadCompletion completion,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<UploadAppend> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http, string id, CancellationToken cancellationToken)
    {
        var dock = http.GetDock();
        var request = http.Request;
        if (!string.Equals(request.ContentType, TusProtocol.OffsetContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TusResults.Problem(415, "Wrong content type", $"PATCH needs Content-Type: {TusProtocol.OffsetContentType}.");
        }
        if (!TusHeaders.TryNonNegative(request.Headers[TusProtocol.UploadOffset], out var offset))
        {
            return TusResults.Problem(400, "Missing Upload-Offset", "Upload-Offset must be a non-negative decimal integer.");
        }
        if (!TusHeaders.TryChecksum(request.Headers[TusProtocol.UploadChecksum], out var checksum, out var problem))
        {
            return TusResults.Problem(400, "Bad Upload-Checksum", problem);
        }

        await using var held = await locks.TryEnterAsync(id, cancellationToken);
        if (held is null)
        {
            return TusResults.Problem(409, "Upload busy", $"Another PATCH to upload {id} is in progress.");
        }
        var upload = await store.FindAsync(id, cancellationToken);
        if (TusUploadLookup.Refuse(upload, dock, time.GetUtcNow(), http.Response) is { } refusal)
        {
            return refusal;
        }
        if (!upload!.IsComplete && upload.Offset == upload.Length)
        {
            // Every byte arrived before, but the upload was not finished (a crash): finish it now.
            return await completion.CompleteAsync(http, upload, CancellationToken.None);
        }
        if (offset != upload.Offset)
        {
            http.Response.Headers[TusProtocol.UploadOffset] = upload.Offset.ToString(CultureInfo.InvariantCulture);
            return TusResults.Problem(409, "Offset mismatch", $"Upload-Offset {offset} is not the upload's offset {upload.Offset}.");
        }
        if (upload.IsComplete)
        {
            return completion.Completed(http, upload);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // A chunk may be as long as what remains of the upload; the server-wide limit is for JSON bodies.
            limit.MaxRequestBodySize = Math.Max(upload.Length - upload.Offset, 1);
        }
        var full = hashes.CopyAt(upload);
        var (outcome, received) = await AppendAsync(http, upload, checksum, full, cancellationToken);
        if (outcome is not null)
        {
            full?.Dispose();
            return outcome;
        }

        var newOffset = offset + received;
        var advance = await store.TryAdvanceAsync(
            id, offset, newOffset, time.GetUtcNow() + options.Value.Expiry, hashes.Instance, http.GetPendingReplay(), CancellationToken.None);
        if (advance != UploadAdvance.Advanced)
        {
            full?.Dispose();
            return advance == UploadAdvance.Replayed
                ? TusResults.Problem(401, "Dock signature rejected", DockRequestVerifier.AlreadyUsed)
                : TusResults.Problem(409, "Offset moved", $"Upload {id} advanced past {offset} while this chunk was written.");
        }
        CrashPoint.Reached("cloud-chunk-committed");
        if (full is not null)
        {
            hashes.Store(id, newOffset, full);
        }
        if (http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Upload {Upload} from dock {Dock} was interrupted; kept {Received} bytes, offset now {Offset}",
                id, dock.DockId, received, newOffset);
            return Results.Empty;
        }
        var advanced = upload with { Offset = newOffset, OffsetWriter = hashes.Instance };
        if (newOffset == upload.Length)
        {
            CrashPoint.Reached("cloud-offset-committed");
            return await completion.CompleteAsync(http, advanced, CancellationToken.None);
        }
        http.Response.Headers[TusProtocol.UploadOffset] = newOffset.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[TusProtocol.UploadExpires] = (time.GetUtcNow() + options.Value.Expiry).ToString("r", CultureInfo.InvariantCulture);
        return Results.NoContent();
    }

    /// <summary>Streams the body to the partial. Returns a refusal, or null and the bytes kept.</summary>
    private async Task<(IResult? Refusal, long Received)> AppendAsync(
        HttpContext http, TusUpload upload, byte[]? checksum, IncrementalHash? full, CancellationToken cancellationToken)
    {
        var promised = http.GetPromisedBodySha256();
        var remaining = upload.Length - upload.Offset;
        using var chunk = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var partial = await blobs.OpenPartialAsync(upload.Id, upload.Offset, CancellationToken.None);
        await using var writer = new ChunkWriter(partial, upload.Offset, chunk, full);
        try
        {
            int read;
            do
            {
                try
                {
                    read = await http.Request.Body.ReadAsync(writer.Free, cancellationToken);
                }
                catch when (writer.Buffered > 0 && writer.Written + writer.Buffered <= remaining)
                {
                    await writer.FlushAsync(); // what arrived before the body was cut off is kept as before
                    throw;
                }

                if (writer.Written + writer.Buffered + read > remaining)
                {
                    await writer.DrainAsync();
                    partial.Truncate(upload.Offset);
                    return (TusResults.Problem(413, "Chunk too long", $"The chunk runs past Upload-Length {upload.Length}."), 0);
                }
                await writer.AddAsync(read);
            }
            while (read > 0);
            await writer.FlushAsync();
            await writer.DrainAsync();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await writer.DrainAsync();
            partial.Truncate(upload.Offset);
            return (TusResults.Problem(413, "Chunk too long", $"The chunk runs past Upload-Length {upload.Length}; it was discarded."), 0);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The dock went away mid-chunk (Kestrel reports a short body as a bad request).
            await writer.DrainAsync();
            if (checksum is not null || writer.Written == 0)
            {
                partial.Truncate(upload.Offset);
                return (Results.Empty, 0);
            }
            await partial.FlushDurablyAsync(CancellationToken.None);
            return (null, writer.Written);
        }

        var actual = chunk.GetHashAndReset();
        if (!CryptographicOperations.FixedTimeEquals(actual, promised))
        {
            partial.Truncate(upload.Offset);
            return (TusResults.Problem(401, "Content-Digest mismatch", "The body does not match the signed Content-Digest; the chunk was discarded."), 0);
        }
        if (checksum is not null && !CryptographicOperations.FixedTimeEquals(actual, checksum))
        {
            partial.Truncate(upload.Offset);
            return (TusResults.Problem(TusProtocol.ChecksumMismatch, "Checksum Mismatch", "The chunk does not match Upload-Checksum; it was discarded."), 0);
        }
        await partial.FlushDurablyAsync(CancellationToken.None);
        return (null, writer.Written);
    }
}
