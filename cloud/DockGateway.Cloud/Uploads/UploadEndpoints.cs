using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.DockAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// tus 1.0.0 at <c>/api/v1/uploads/</c>: OPTIONS (unsigned discovery), and, dock-signed, POST
/// (creation), HEAD, PATCH, DELETE (termination) and <c>GET {id}/receipt</c>.
/// </summary>
public static class UploadEndpoints
{
    public static void MapUploads(this IEndpointRouteBuilder api)
    {
        var uploads = api.MapGroup("/uploads").AddEndpointFilter<TusResumableFilter>().AllowAnonymous().WithTags("Uploads");
        uploads.MapMethods("/", [HttpMethods.Options], (HttpContext http, UploadQueries q) => q.Options(http))
            .WithSummary("tus discovery: the versions and extensions the server supports")
            .WithDescription("Unsigned. Tus-Version, Tus-Extension (creation, checksum, termination, expiration), Tus-Max-Size and Tus-Checksum-Algorithm (sha256) headers.")
            .Produces(StatusCodes.Status204NoContent);
        uploads.MapMethods("/{id}", [HttpMethods.Options], (HttpContext http, UploadQueries q) => q.Options(http))
            .WithName("optionsUpload").WithSummary("tus discovery for one upload")
            .WithDescription("Unsigned; the same headers as the discovery on the collection.")
            .Produces(StatusCodes.Status204NoContent);

        var signed = uploads.MapGroup("/").AddEndpointFilter<DockSignatureFilter>();
        signed.MapPost("/", (HttpContext http, UploadCreation creation, CancellationToken ct) => creation.HandleAsync(http, ct))
            .WithSummary("tus creation: start an upload (Upload-Length, Upload-Metadata); Location names it")
            .WithDescription("Upload-Metadata carries the file's sha256, size, custody entry, file name and recorder. An empty body. "
                + "201 with Location and Upload-Offset 0 (and Upload-Expires); when the SHA-256 is already stored, Upload-Offset equals "
                + "Upload-Length and Upload-Receipt holds the signed receipt, so nothing is sent again.")
            .Produces(StatusCodes.Status201Created)
            .ProducesHeader(StatusCodes.Status201Created, "Location", "The upload's URL, for HEAD, PATCH and DELETE.")
            .ProducesHeader(StatusCodes.Status201Created, TusProtocol.UploadOffset, "0, or Upload-Length when the SHA-256 is already stored.")
            .ProducesHeader(StatusCodes.Status201Created, TusProtocol.UploadExpires, "When an unfinished upload is dropped (RFC 9110 date).")
            .ProducesHeader(StatusCodes.Status201Created, TusProtocol.UploadReceipt, "The signed receipt (base64 C2SP note), when the file was already stored.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        signed.MapMethods("/{id}", [HttpMethods.Head], (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.HeadAsync(http, id, ct))
            .WithSummary("tus: the upload's current Upload-Offset")
            .WithDescription("200 with Upload-Offset and Upload-Length (no body, as for any HEAD); a finished upload also has Upload-Receipt, "
                + "an unfinished one Upload-Expires. An upload holding every byte that a crash left unfinished is finished first.")
            .Produces(StatusCodes.Status200OK)
            .ProducesHeader(StatusCodes.Status200OK, TusProtocol.UploadOffset, "The bytes stored so far.")
            .ProducesHeader(StatusCodes.Status200OK, TusProtocol.UploadLength, "The upload's length.")
            .ProducesHeader(StatusCodes.Status200OK, TusProtocol.UploadReceipt, "The signed receipt (base64 C2SP note), once the upload is complete.")
            .ProducesHeader(StatusCodes.Status200OK, TusProtocol.UploadExpires, "When an unfinished upload is dropped (RFC 9110 date).")
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        signed.MapPatch("/{id}", (HttpContext http, string id, UploadAppend append, CancellationToken ct) => append.HandleAsync(http, id, ct))
            .WithMetadata(StreamedBodyMetadata.Instance)
            .WithSummary("tus: append a chunk (application/offset+octet-stream) at Upload-Offset")
            .WithDescription("The chunk is kept only when it matches the signed Content-Digest and any Upload-Checksum (sha256), and is fsync'd "
                + "before the offset advances. 204 with the new Upload-Offset; the last chunk's answer carries Upload-Receipt once the whole "
                + "file's SHA-256 matched and the blob is durably stored. 460 when Upload-Checksum does not match; 503 with Retry-After "
                + "when the footage store is unavailable (the bytes received are kept: HEAD or PATCH again later).")
            .Accepts<byte[]>(TusProtocol.OffsetContentType)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesHeader(StatusCodes.Status204NoContent, TusProtocol.UploadOffset, "The new offset.")
            .ProducesHeader(StatusCodes.Status204NoContent, TusProtocol.UploadReceipt, "The signed receipt (base64 C2SP note), on the answer that completes the upload.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(TusProtocol.ChecksumMismatch).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        signed.MapDelete("/{id}", (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.DeleteAsync(http, id, ct))
            .WithSummary("tus termination: abandon an unfinished upload")
            .WithDescription("A complete upload is refused (409): stored footage is not deleted through tus.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        signed.MapGet("/{id}/receipt", (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.ReceiptAsync(http, id, ct))
            .WithSummary("The signed receipt of a finished upload")
            .WithDescription("The receipt as JSON; note is the Ed25519-signed note the dock logs verbatim, verifierKey the cloud's receipt key. 409 while the upload is unfinished.")
            .Produces<UploadReceiptDocument>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
