using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// <c>GET /api/v1/ratios</c> (every agency the caller may see) and <c>GET /api/v1/agencies/{code}/ratio</c>.
/// JSON by default; CSV with <c>Accept: text/csv</c> or <c>?format=csv</c> (a CSV download is an export
/// and is written to the access log).
/// </summary>
public static class RatioEndpoints
{
    public static RouteGroupBuilder MapRatios(this RouteGroupBuilder api)
    {
        api.MapGet("/ratios", async (HttpContext http, string? format, RatioQuery query, IAccessLog log, CancellationToken ct) =>
        {
            if (WantsCsv(http, format) is not { } csv)
            {
                return BadFormat();
            }

            var caller = CallerScope.From(http.User);
            var ratios = await query.ComputeAsync(caller.IsGlobal ? null : caller.Agencies, ct);
            return await RespondAsync(http, log, csv, ratios, null, "ratios.csv", ct);
        }).RequirePeople(CloudPolicies.Read).WithTags("Ratios").Produces<IReadOnlyList<EquipmentRatio>>().ProducesCsv()
            .WithSummary("Equipment ratios of every agency the caller may see")
            .WithDescription("Recorders in service per officer against each agency's minimum. JSON, or CSV with format=csv or Accept: text/csv (an export, access-logged).");

        api.MapGet("/agencies/{code}/ratio", async (string code, HttpContext http, string? format, RatioQuery query, AgencyStore agencies, IAccessLog log, CancellationToken ct) =>
        {
            if (WantsCsv(http, format) is not { } csv)
            {
                return BadFormat();
            }

            var ratios = CallerScope.From(http.User).CanSee(code) ? await query.ComputeAsync([code], ct) : [];
            if (ratios.Count == 0)
            {
                return ProblemResults.NotFound($"no agency '{code}'");
            }

            return await RespondAsync(http, log, csv, ratios, code, $"ratio-{code}.csv", ct, single: true);
        }).RequirePeople(CloudPolicies.Read).WithTags("Ratios").Produces<EquipmentRatio>().ProducesCsv()
            .WithSummary("One agency's equipment ratio")
            .WithDescription("JSON, or CSV with format=csv or Accept: text/csv (an export, access-logged).");
        return api;
    }

    /// <summary>True for CSV, false for JSON, null for an unknown <c>format</c> (see <see cref="BadFormat"/>).</summary>
    private static bool? WantsCsv(HttpContext http, string? format) => ResponseFormat.WantsCsv(http, format, new FieldErrors());

    private static IResult BadFormat() => ProblemResults.Validation("format", "must be json or csv");

    private static async Task<IResult> RespondAsync(
        HttpContext http, IAccessLog log, bool csv, IReadOnlyList<EquipmentRatio> ratios, string? agency, string fileName, CancellationToken ct, bool single = false)
    {
        if (!csv)
        {
            return single ? Results.Ok(ratios[0]) : Results.Ok(ratios);
        }

        await log.RecordAsync(http.User, "export.ratios", http.Request.Path + http.Request.QueryString, agency, $"{ratios.Count} agencies", ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return CsvDownload.Of(RatioCsv.Write(ratios));
    }
}
