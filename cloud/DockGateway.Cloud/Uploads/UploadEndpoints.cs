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
            .WithSummary("tus discovery: the versions and extensions the server supports").Produces(StatusCodes.Status204NoContent);
        uploads.MapMethods("/{id}", [HttpMethods.Options], (HttpContext http, UploadQueries q) => q.Options(http))
            .WithName("optionsUpload").WithSummary("tus discovery for one upload").Produces(StatusCodes.Status204NoContent);

        var signed = uploads.MapGroup("/").AddEndpointFilter<DockSignatureFilter>();
        signed.MapPost("/", (HttpContext http, UploadCreation creation, CancellationToken ct) => creation.HandleAsync(http, ct))
            .WithSummary("tus creation: start an upload (Upload-Length, Upload-Metadata); Location names it").Produces(StatusCodes.Status201Created);
        signed.MapMethods("/{id}", [HttpMethods.Head], (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.HeadAsync(http, id, ct))
            .WithSummary("tus: the upload's current Upload-Offset").Produces(StatusCodes.Status204NoContent);
        signed.MapPatch("/{id}", (HttpContext http, string id, UploadAppend append, CancellationToken ct) => append.HandleAsync(http, id, ct))
            .WithMetadata(StreamedBodyMetadata.Instance)
            .WithSummary("tus: append a chunk (application/offset+octet-stream) at Upload-Offset").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict);
        signed.MapDelete("/{id}", (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.DeleteAsync(http, id, ct))
            .WithSummary("tus termination: abandon an unfinished upload").Produces(StatusCodes.Status204NoContent);
        signed.MapGet("/{id}/receipt", (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.ReceiptAsync(http, id, ct));
    }
}
