using System.Globalization;
using System.Text;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Ratios;
using DockGateway.Shared.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Statistics;

/// <summary>
/// <c>GET /api/v1/statistics/equipment</c>: per-agency equipment figures for publication, JSON or CSV
/// (<c>?format=csv</c> / <c>Accept: text/csv</c>). Every call is an export and goes to the access log.
/// </summary>
public static class StatisticsEndpoints
{
    public const string CsvHeader =
        "agency_code,agency_name,class,officers,registered_officers,recorders_in_service,recorders_in_repair,recorders_retired,recorders_assigned,docks,dock_slots";

    public static IServiceCollection AddStatistics(this IServiceCollection services) => services.AddSingleton<StatisticsQuery>();

    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics/equipment", async (HttpContext http, string? format, StatisticsQuery query, IAccessLog log, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            if (ResponseFormat.WantsCsv(http, format, errors) is not { } csv)
            {
                return errors.ToResult();
            }

            var caller = CallerScope.From(http.User);
            var rows = await query.ComputeAsync(caller.IsGlobal ? null : caller.Agencies, ct);
            await log.RecordAsync(http.User, "export.statistics", http.Request.Path + http.Request.QueryString, null, EnglishCount.Of(rows.Count, "agency", "agencies"), ct);
            return csv ? CsvDownload.Of(ToCsv(rows)) : Results.Ok(rows);
        }).RequirePeople(CloudPolicies.Read).WithTags("Statistics").Produces<IReadOnlyList<EquipmentStatistics>>().ProducesCsv()
            .WithSummary("Equipment statistics per agency")
            .WithDescription("Officers, recorders by status, docks and slots for every agency the caller may see, for publication. JSON, or CSV with format=csv or Accept: text/csv; every call is access-logged.");
        return api;
    }

    private static string ToCsv(IEnumerable<EquipmentStatistics> rows)
    {
        var csv = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', CsvField.Text(r.AgencyCode), CsvField.Text(r.AgencyName), r.Class,
                    string.Join(',', new[] { r.Officers, r.RegisteredOfficers, r.RecordersInService, r.RecordersInRepair, r.RecordersRetired, r.RecordersAssigned, r.Docks, r.DockSlots }
                        .Select(n => n.ToString(CultureInfo.InvariantCulture))))
                .Append("\r\n");
        }

        return csv.ToString();
    }
}
