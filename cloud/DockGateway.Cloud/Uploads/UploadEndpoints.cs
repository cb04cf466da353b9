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
        uploads.MapMethods("/", [HttpMethods.Options], (HttpContext http, UploadQueries q) => q.Options(http));
        uploads.MapMethods("/{id}", [HttpMethods.Options], (HttpContext http, UploadQueries q) => q.Options(http));

        var signed = uploads.MapGroup("/").AddEndpointFilter<DockSignatureFilter>();
        signed.MapPost("/", (HttpContext http, UploadCreation creation, CancellationToken ct) => creation.HandleAsync(http, ct));
        signed.MapMethods("/{id}", [HttpMethods.Head], (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.HeadAsync(http, id, ct));
        signed.MapPatch("/{id}", (HttpContext http, string id, UploadAppend append, CancellationToken ct) => append.HandleAsync(http, id, ct))
            .WithMetadata(StreamedBodyMetadata.Instance);
        signed.MapDelete("/{id}", (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.DeleteAsync(http, id, ct));
        signed.MapGet("/{id}/receipt", (HttpContext http, string id, UploadQueries q, CancellationToken ct) => q.ReceiptAsync(http, id, ct));
    }
}
