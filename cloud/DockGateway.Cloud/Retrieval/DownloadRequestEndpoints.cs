using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// Second-person approval before a download: <c>POST /api/v1/footage/{sha256}/download-requests</c> (who, why),
/// <c>GET /api/v1/download-requests</c>, <c>POST /api/v1/download-requests/{id}/approve</c> by another reviewer or an admin
/// of the agency. Requests and approvals are access-logged.
/// </summary>
public static class DownloadRequestEndpoints
{
    public static RouteGroupBuilder MapDownloadRequests(this RouteGroupBuilder api)
    {
        api.MapPost("/footage/{sha256}/download-requests", async (string sha256, DownloadRequestBody body, HttpContext http, FootageSearch search,
            DownloadRequestStore store, IAccessLog log, TimeProvider time, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            if (!Sha256Parameter.Check(sha256, errors))
            {
                return errors.ToResult();
            }

            var caller = CallerScope.From(http.User);
            var access = await FootageAccess.ForAsync(search, caller, sha256, ct);
            if (access.Retrievable is not { } footage)
            {
                return ProblemResults.NotFound($"no footage with SHA-256 {sha256} in the agencies whose footage you may open");
            }

            var reason = AccessReason.Check(body.Reason, errors);
            if (errors.Any)
            {
                return errors.ToResult();
            }

            var request = new DownloadRequest(Guid.CreateVersion7().ToString("n"), footage.AgencyCode, sha256, caller.TokenId, caller.Name, reason!,
                time.GetUtcNow(), null, null, null);
            await store.AddAsync(request, ct);
            await log.RecordAsync(http.User, "footage.download-request", sha256, footage.AgencyCode, reason, ct);
            return Results.Created($"/api/v1/download-requests/{request.Id}", request);
        }).RequirePeople(CloudPolicies.Retrieve).WithTags("Evidence")
            .Produces<DownloadRequest>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Ask to download a file")
            .WithDescription("Records who asks and why (reason, required); another reviewer or an admin of the agency approves it.");

        api.MapGet("/download-requests", async (bool? pending, HttpContext http, DownloadRequestStore store, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            return Results.Ok(await store.ListAsync(caller.Scope(null), pending ?? false, ct));
        }).RequirePeople(CloudPolicies.Evidence).WithTags("Evidence")
            .Produces<IReadOnlyList<DownloadRequest>>()
            .WithSummary("List download requests")
            .WithDescription("Newest first (at most 1000), within the caller's agencies; pending=true lists only those awaiting approval.");

        api.MapPost("/download-requests/{id}/approve", async (string id, HttpContext http, DownloadRequestStore store, IAccessLog log, TimeProvider time, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            var request = await store.FindAsync(id, ct);
            if (request is null || !caller.CanSee(request.AgencyCode))
            {
                return ProblemResults.NotFound($"no download request '{id}'");
            }

            if (!caller.CanRetrieve(request.AgencyCode))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                    detail: $"only an admin or a reviewer of agency {request.AgencyCode} may approve download request {id}");
            }

            if (request.RequestedBy == caller.TokenId)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                    detail: $"download request {id} must be approved by a second person, not by the one who asked");
            }

            if (!await store.ApproveAsync(id, caller.TokenId, caller.Name, time.GetUtcNow(), ct))
            {
                return ProblemResults.Conflict($"download request {id} is already approved");
            }

            await log.RecordAsync(http.User, "footage.download-approve", request.Sha256, request.AgencyCode, $"approved request {id}: {request.Reason}", ct);
            return Results.Ok(await store.FindAsync(id, ct));
        }).RequirePeople(CloudPolicies.Retrieve).WithTags("Evidence")
            .Produces<DownloadRequest>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Approve a download request")
            .WithDescription("By a reviewer or admin of the agency other than the requester.");
        return api;
    }
}
