using Dapper;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Console;
using DockGateway.Cloud.Custody;
using DockGateway.Cloud.Cases;
using DockGateway.Cloud.Dashboard;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Metrics;
using DockGateway.Cloud.Officers;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Retention;
using DockGateway.Cloud.Retrieval;
using DockGateway.Cloud.Statistics;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Timeliness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Hosting;

/// <summary>The request pipeline and every endpoint: <c>/healthz</c>, <c>/openapi/v1.json</c>, <c>/api/v1/…</c>.</summary>
public static class CloudApplicationExtensions
{
    public static WebApplication UseCloud(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapApiReference();
        app.MapGet("/healthz", HealthAsync).WithTags("Health").AllowAnonymous()
            .WithSummary("Health check").WithDescription("200 ok when the service answers and its database does; 503 otherwise.")
            .ProducesText(StatusCodes.Status200OK, "text/plain", "The text ok.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapDashboard();
        app.MapConsole();
        app.MapCloudMetrics();

        var api = app.MapGroup("/api/v1");
        api.MapTokens();
        api.MapAccessLog();
        api.MapRegistry();
        api.MapRatios();
        api.MapOverdue();
        api.MapStatistics();

        api.MapDockFacingEndpoints();
        api.MapFleetEndpoints();
        api.MapAlerts();
        api.MapRecorderList();
        api.MapCustody();
        api.MapOfficerList();
        api.MapTimeliness();
        api.MapUnregisteredSightings();
        api.MapRetrieval();
        api.MapCaseEndpoints();
        api.MapRetention();
        return app;
    }

    private static async Task<IResult> HealthAsync(ICloudDatabase database, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await connection.ExecuteScalarAsync<long>("SELECT 1");
            return Results.Text("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable.", detail: ex.Message);
        }
    }
}
