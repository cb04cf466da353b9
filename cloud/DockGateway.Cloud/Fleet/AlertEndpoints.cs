using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// The alerts of every agency in scope in one request: <c>GET /api/v1/alerts</c> (filters <c>agency</c>, <c>kind</c>,
/// <c>dock</c>, <c>recorder</c>, <c>from</c>/<c>to</c>, <c>acknowledged</c>; keyset pages <c>limit</c>/<c>after</c>;
/// JSON or CSV), <c>GET /api/v1/alerts/{id}</c>, and <c>POST /api/v1/alerts/{id}/acknowledgement</c> (who, when
/// and a comment, also written to the access log), <c>GET /api/v1/alerts/open-counts</c>. Out of scope = 404.
/// </summary>
public static class AlertEndpoints
{
    public const int MaxCommentLength = 500;

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAsync)
            .RequirePeople(CloudPolicies.Read).WithTags("Fleet")
            .WithName("listAlerts").WithSummary("Alerts of every agency in scope, filtered and paged")
            .Produces<AlertPage>().Produces<string>(200, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/alerts/open-counts", async (HttpContext http, AlertQuery alerts, CancellationToken ct) =>
            {
                var caller = CallerScope.From(http.User);
                return Results.Ok(await alerts.OpenCountsAsync(caller.IsGlobal ? null : caller.Agencies, ct));
            })
            .RequirePeople(CloudPolicies.Read).WithTags("Fleet")
            .WithName("countOpenAlerts").WithSummary("Unacknowledged alerts per agency in scope")
            .Produces<IReadOnlyList<AlertOpenCount>>().ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/alerts/{id}", async (string id, HttpContext http, AlertQuery alerts, CancellationToken ct) =>
            await alerts.FindAsync(id, ct) is { } alert && CallerScope.From(http.User).CanSee(alert.AgencyCode)
                ? Results.Ok(alert)
                : ProblemResults.NotFound($"no alert '{id}'"))
            .RequirePeople(CloudPolicies.Read).WithTags("Fleet")
            .WithName("getAlert").WithSummary("One alert with its acknowledgement")
            .Produces<AlertItem>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/alerts/{id}/acknowledgement", AcknowledgeAsync)
            .RequirePeople(CloudPolicies.Manage).WithTags("Fleet")
            .WithName("acknowledgeAlert").WithSummary("Acknowledge an alert with a comment (who and when are recorded)")
            .Accepts<AlertAcknowledgementRequest>("application/json")
            .Produces<AlertItem>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? agency, string? kind, string? dock, string? recorder, string? from, string? to, string? acknowledged, string? limit, string? after,
        string? format, HttpContext http, AgencyStore agencies, AlertQuery alerts, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var filter = AlertFilter.Parse(kind, dock, recorder, from, to, acknowledged, limit, after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var scope = caller.Scope(agency);
        if (csv != true)
        {
            return Results.Ok(await alerts.PageAsync(scope, filter, ct));
        }

        await log.RecordAsync(http.User, "export.alerts", http.Request.Path + http.Request.QueryString, agency, "alerts as CSV", ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"alerts-{agency ?? "all"}.csv\"";
        return AlertCsv.Table.Stream(alerts.AllAsync(scope, filter, http.RequestAborted), http.RequestAborted);
    }

    private static async Task<IResult> AcknowledgeAsync(
        string id, AlertAcknowledgementRequest? request, HttpContext http, AlertQuery alerts, IAccessLog log, TimeProvider time, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (await alerts.FindAsync(id, ct) is not { } alert || !caller.CanSee(alert.AgencyCode))
        {
            return ProblemResults.NotFound($"no alert '{id}'");
        }

        if (!caller.CanChange(alert.AgencyCode))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: $"you may not acknowledge alerts of agency '{alert.AgencyCode}'");
        }

        var comment = request?.Comment?.Trim();
        if (string.IsNullOrEmpty(comment) || comment.Length > MaxCommentLength || comment.Any(c => char.IsControl(c) && c is not '\n'))
        {
            return ProblemResults.Validation("comment", $"must be 1 to {MaxCommentLength} characters without control characters");
        }

        if (!await alerts.AcknowledgeAsync(id, caller.TokenId, caller.Name, comment, time.GetUtcNow(), ct))
        {
            return ProblemResults.Conflict($"alert '{id}' was already acknowledged by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:O}");
        }

        await log.RecordAsync(http.User, "alert.acknowledge", $"/api/v1/alerts/{id}", alert.AgencyCode, comment, ct);
        var acknowledged = await alerts.FindAsync(id, ct);
        return Results.Created($"/api/v1/alerts/{id}", acknowledged);
    }
}
