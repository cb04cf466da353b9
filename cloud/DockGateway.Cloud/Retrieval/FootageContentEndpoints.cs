using System.Globalization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// <c>GET /api/v1/footage/{sha256}/content</c>: plays (inline) or downloads (<c>disposition=attachment</c>) a stored
/// file, with HTTP range requests, for admins and the agency's reviewers, only with a stated <c>reason</c>. A download
/// in an agency with second-person approval needs an approved download request of the caller first. Every view and
/// download is written to the access log (who, sha256, reason, when) before the first byte leaves.
/// </summary>
public static class FootageContentEndpoints
{
    public static RouteGroupBuilder MapFootageContent(this RouteGroupBuilder api)
    {
        api.MapMethods("/footage/{sha256}/content", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .RequirePeople(CloudPolicies.Retrieve).WithTags("Evidence")
            .ProducesText(StatusCodes.Status200OK, "application/octet-stream", "The file (its type from its name, e.g. video/mp4).")
            .ProducesText(StatusCodes.Status206PartialContent, "application/octet-stream", "One byte range of the file (Range: bytes=first-last).")
            .ProducesHeader(StatusCodes.Status200OK, "Accept-Ranges", "bytes")
            .ProducesHeader(StatusCodes.Status206PartialContent, "Content-Range", "bytes first-last/size")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .WithSummary("View or download a file")
            .WithDescription("Streams the file with range requests (206, Accept-Ranges, Content-Range; 416 naming Range for a range beyond the file). "
                + "reason (query parameter, or header X-Access-Reason percent-encoded) is required: a missing or blank one is a 400 naming reason. "
                + "disposition=attachment downloads (Content-Disposition: attachment); in an agency with downloadApproval on, only after another "
                + "reviewer or admin approved the caller's download request (403 naming it until then). Access-logged as footage.view / footage.download.");
        return api;
    }

    private static async Task<IResult> ServeAsync(
        string sha256, string? reason, string? disposition, HttpContext http, FootageSearch search, IBlobStore blobs,
        EvidenceSettingsStore settings, DownloadRequestStore requests, IAccessLog log, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Sha256Parameter.Check(sha256, errors);
        var why = AccessReason.From(http, reason, errors);
        var download = disposition?.ToLowerInvariant() switch
        {
            null or "inline" => false,
            "attachment" => true,
            _ => (bool?)null,
        };
        if (download is null)
        {
            errors.Add("disposition", "must be inline or attachment");
        }

        if (errors.Has("sha256"))
        {
            return errors.ToResult();
        }

        var caller = CallerScope.From(http.User);
        var access = await FootageAccess.ForAsync(search, caller, sha256, ct);
        if (access.Retrievable is not { } footage)
        {
            return ProblemResults.NotFound($"no footage with SHA-256 {sha256} in the agencies whose footage you may open");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        if (download == true && (await settings.GetAsync(footage.AgencyCode, ct)).DownloadApproval)
        {
            var mine = await requests.ForAsync(sha256, footage.AgencyCode, caller.TokenId, ct);
            if (!mine.Any(r => r.Approved))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Download not approved.",
                    detail: mine.Count > 0
                        ? $"agency {footage.AgencyCode} requires a second person's approval: download request {mine[0].Id} is not approved yet"
                        : $"agency {footage.AgencyCode} requires a second person's approval: POST /api/v1/footage/{sha256}/download-requests with your reason, then have another reviewer or admin approve it",
                    extensions: new Dictionary<string, object?> { ["downloadRequest"] = mine.Count > 0 ? mine[0].Id : null });
            }
        }

        var blob = blobs.OpenRead(sha256);
        if (blob is null)
        {
            return ProblemResults.NotFound($"the file {sha256} is not stored in the cloud (not uploaded yet, or deleted by the retention job: see /api/v1/retention/deletions)");
        }

        await using (blob)
        {
            var size = blob.CanSeek ? blob.Length : footage.Size;
            var outcome = ByteRange.Parse(http.Request.Headers.Range, size, out var range);
            if (outcome == ByteRange.Outcome.Malformed)
            {
                return ProblemResults.Validation("Range", $"'{http.Request.Headers.Range}' is not a byte range (bytes=first-last, bytes=first- or bytes=-suffix)");
            }

            if (outcome == ByteRange.Outcome.Unsatisfiable)
            {
                http.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{size}");
                return Results.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "Range not satisfiable.",
                    detail: $"Range '{http.Request.Headers.Range}' starts beyond the file's {size} bytes",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["Range"] = [$"must start before byte {size}"] } });
            }

            ByteRange? partial = outcome == ByteRange.Outcome.Partial ? range : null;

            // Logged before the first byte leaves: footage is never served unrecorded.
            await log.RecordAsync(http.User, download == true ? "footage.download" : "footage.view", sha256, footage.AgencyCode, why, ct);
            var name = Path.GetFileName(footage.Path.Replace('\\', '/'));
            http.Response.ContentType = BlobResponse.ContentTypeFor(name);
            http.Response.Headers.ContentDisposition = (download == true ? "attachment" : "inline") + "; filename=\"" + SafeName(name) + "\"";
            http.Response.Headers.CacheControl = "no-store";
            await BlobResponse.WriteAsync(http, blob, size, partial, ct);
            return Results.Empty;
        }
    }

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}
