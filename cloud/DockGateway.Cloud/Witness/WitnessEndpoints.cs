using System.Text;
using System.Text.Json;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// Dock-signed: <c>POST /api/v1/witness/add-checkpoint</c> (C2SP tlog-witness) and
/// <c>POST /api/v1/docks/{id}/entries</c>. People (admin, auditor; scoped by agency, access-logged):
/// <c>GET /api/v1/docks/{id}/entries</c> and <c>GET /api/v1/docks/{id}/checkpoints</c>.
/// </summary>
public static class WitnessEndpoints
{
    public static void MapWitness(this IEndpointRouteBuilder api)
    {
        var signed = api.MapGroup("/").AddEndpointFilter<DockSignatureFilter>().AllowAnonymous().WithTags("Witness");
        signed.MapPost("/witness/add-checkpoint", AddCheckpointAsync)
            .WithSummary("tlog-witness: cosign a dock's custody checkpoint")
            .WithDescription("C2SP tlog-witness add-checkpoint: old size, consistency proof and the signed checkpoint as text. 200 with the "
                + "cosignature lines; 409 with the size the cloud last cosigned (text/x.tlog.size, as the spec requires, not problem+json).")
            .Accepts<string>("text/plain")
            .ProducesText(StatusCodes.Status200OK, "text/plain", "The cosignature note lines.")
            .ProducesText(StatusCodes.Status409Conflict, WitnessAnswer.SizeContentType, "The checkpoint's old size is not the latest cosigned size, which is the body.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        signed.MapPost("/docks/{id}/entries", PostEntriesAsync)
            .WithSummary("Mirror a batch of the dock's custody entries")
            .WithDescription("Consecutive entries of the dock's RFC 6962 log; stored when they reproduce a root the cloud cosigned. Entries already stored must be identical.")
            .Accepts<CustodyEntryBatch>("application/json")
            .Produces<EntriesAccepted>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var audit = api.MapGroup("/docks/{id}").RequirePeople(CloudPolicies.Audit).WithTags("Witness");
        audit.MapGet("/entries", ListEntriesAsync)
            .WithSummary("Read a dock's mirrored custody entries")
            .WithDescription("From index from (default 0), at most limit (1-10000, default 1000); access-logged.")
            .Produces<IReadOnlyList<MirroredEntry>>();
        audit.MapGet("/checkpoints", ListCheckpointsAsync)
            .WithSummary("List the checkpoints cosigned for a dock")
            .WithDescription("Access-logged.")
            .Produces<IReadOnlyList<CheckpointView>>();
    }

    private static async Task<IResult> AddCheckpointAsync(HttpContext http, CheckpointWitness witness, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body, new UTF8Encoding(false, true));
        string body;
        try
        {
            body = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return Results.Problem(statusCode: 400, title: "Malformed add-checkpoint request", detail: "The body is not UTF-8.");
        }
        var answer = await witness.AddCheckpointAsync(body, http.GetDock(), ct);
        return answer.Status is 200 or 409
            ? Results.Text(answer.Body, answer.ContentType, statusCode: answer.Status)
            : Results.Problem(statusCode: answer.Status, title: "Checkpoint refused", detail: answer.Body.TrimEnd('\n'));
    }

    // The body is read here, not bound as a parameter: binding would run before the signature filter
    // has checked the body against its Content-Digest.
    private static async Task<IResult> PostEntriesAsync(
        string id, HttpContext http, CustodyEntryIngestion ingestion, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var dock = http.GetDock();
        if (dock.DockId != id)
        {
            return Results.Problem(statusCode: 403, title: "Not this dock", detail: $"Dock {dock.DockId} cannot post entries for {id}.");
        }
        CustodyEntryBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync<CustodyEntryBatch>(http.Request.Body, json.Value.SerializerOptions, ct);
        }
        catch (JsonException e)
        {
            return ProblemResults.Validation(e.Path ?? "$", $"The body is not a valid entries batch: {e.Message}");
        }
        if (batch is null)
        {
            return ProblemResults.Validation("$", "The body must be a JSON object with 'entries'.");
        }
        var result = await ingestion.IngestAsync(dock, batch, ct);
        return result.Problem is not null
            ? Results.Problem(statusCode: result.Status, title: "Custody entries refused", detail: result.Problem,
                extensions: result.HeldSize is { } held ? new Dictionary<string, object?> { ["size"] = held } : null)
            : Results.Ok(new EntriesAccepted(result.StoredCount, result.Size, Convert.ToBase64String(result.RootHash!), result.Cosignature));
    }

    private static async Task<IResult> ListEntriesAsync(
        string id, long? from, int? limit, HttpContext http, IDockKeys docks, ICustodyEntryStore entries, IAccessLog accessLog, CancellationToken ct)
    {
        var dock = await VisibleDockAsync(id, http, docks, ct);
        if (dock is null)
        {
            return ProblemResults.NotFound($"Dock '{id}' does not exist or is not in your agencies.");
        }
        if (from is < 0 || limit is < 1 or > 10_000)
        {
            return ProblemResults.Validation(from is < 0 ? "from" : "limit", "from must be ≥ 0 and limit between 1 and 10000.");
        }
        await accessLog.RecordAsync(http.User, "custody.entries.read", $"{dock.DockId}?from={from ?? 0}", dock.AgencyCode, null, ct);
        var list = await entries.ListAsync(dock.DockId, from ?? 0, limit ?? 1000, ct);
        return Results.Ok(list.Select(e =>
            new MirroredEntry(e.Index, JsonDocument.Parse(e.Json).RootElement, Convert.ToHexStringLower(e.LeafHash), e.ReceivedAt)).ToList());
    }

    private static async Task<IResult> ListCheckpointsAsync(
        string id, HttpContext http, IDockKeys docks, IWitnessStore witness, IAccessLog accessLog, CancellationToken ct)
    {
        var dock = await VisibleDockAsync(id, http, docks, ct);
        if (dock is null)
        {
            return ProblemResults.NotFound($"Dock '{id}' does not exist or is not in your agencies.");
        }
        await accessLog.RecordAsync(http.User, "custody.checkpoints.read", dock.Origin, dock.AgencyCode, null, ct);
        var list = await witness.ListAsync(dock.Origin, ct);
        return Results.Ok(list.Select(c => new CheckpointView(c.Origin, c.Size, Convert.ToBase64String(c.RootHash), c.CosignedAt, c.Note)).ToList());
    }

    private static async Task<DockIdentity?> VisibleDockAsync(string id, HttpContext http, IDockKeys docks, CancellationToken ct)
    {
        var dock = await docks.FindAsync(id, ct);
        return dock is not null && CallerScope.From(http.User).CanSee(dock.AgencyCode) ? dock : null;
    }
}
