using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockGateway.Device.Custody;
using DockGateway.Device.Status;
using DockGateway.Shared.Faults;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Sync;

/// <summary>
/// Copies the custody log into the cloud's mirror (<c>POST api/v1/docks/{id}/entries</c>) up to the size the
/// cloud cosigned, Sync:EntryBatchSize entries a request. A batch that ends below the cosigned size carries
/// <c>cosignedSize</c> and an RFC 6962 consistency proof from its end to that checkpoint, so the cloud can
/// store any prefix of what it cosigned. A refusal that would repeat (a 4xx other than 408, 409 and 429) is
/// logged and raised as a dock event once; the same request is sent again only after a back-off that
/// starts at Sync:WitnessInterval and doubles up to <see cref="MaxBackoff"/>, or at once when the request
/// changes (a newer cosigned size, or the cloud telling where its copy ends).
/// </summary>
public sealed class CustodyMirror(
    HttpClient http, CustodyLog custody, UploadBacklog state, DockEventWriter? events, SyncOptions options, TimeProvider time, ILogger logger)
{
    internal const string PushedState = "witness.entries_pushed";

    /// <summary>The longest wait before an identical refused request is sent again.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private MirrorRefusal? _refusal;

    /// <summary>The last refusal, while the mirror is backing off from it.</summary>
    public MirrorRefusal? Refusal => _refusal;

    /// <summary>Sends every batch the cloud lacks up to <paramref name="cosignedSize"/>; stops at a refusal.</summary>
    public async Task PushAsync(long cosignedSize, CancellationToken cancellationToken)
    {
        for (var from = state.GetState(PushedState); from < cosignedSize; from = state.GetState(PushedState))
        {
            var request = new MirrorRequest(from, Math.Min(from + options.EntryBatchSize, cosignedSize), cosignedSize);
            if (_refusal is { } refused && refused.Request == request && time.GetUtcNow() < refused.RetryAt)
            {
                return;
            }

            using var response = await http.PostAsJsonAsync($"api/v1/docks/{Uri.EscapeDataString(options.DockId)}/entries", Batch(request), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Accepted(request, text);
                continue;
            }

            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests)
            {
                throw new HttpRequestException($"posting entries {from}..{request.End} answered {status}: {text}");
            }

            var (problem, cloudSize) = ReadProblem(text);
            if (cloudSize is { } held && held < from)
            {
                // The cloud's copy ends before what this dock believed it had sent: start again from there.
                logger.LogWarning("The cloud mirror holds {CloudSize} custody entries, not {Pushed}: sending again from there", held, from);
                state.SetState(PushedState, held);
                continue;
            }

            Refused(request, status, problem);
            return;
        }
    }

    private JsonObject Batch(MirrorRequest request)
    {
        var records = custody.Entries(request.From, request.End);
        var batch = new JsonObject
        {
            ["entries"] = new JsonArray([.. records.Select(r => (JsonNode)new JsonObject { ["index"] = r.Index, ["entry"] = JsonNode.Parse(r.Json) })]),
        };
        if (request.End < request.CosignedSize)
        {
            batch["cosignedSize"] = request.CosignedSize;
            batch["consistencyProof"] = new JsonArray([.. custody.ConsistencyProof(request.End, request.CosignedSize)
                .Select(h => (JsonNode)JsonValue.Create(Convert.ToBase64String(h)))]);
        }

        return batch;
    }

    private void Accepted(MirrorRequest request, string text)
    {
        using var answer = JsonDocument.Parse(text);
        var held = answer.RootElement.GetProperty("size").GetInt64();
        if (held <= request.From)
        {
            throw new HttpRequestException($"the cloud holds {held} entries after a batch from {request.From}: not advancing");
        }

        CrashPoint.Reached("entries-posted");
        state.SetState(PushedState, held);
        if (_refusal is not null)
        {
            logger.LogInformation("The cloud mirror accepts custody entries again (from {From})", request.From);
            _refusal = null;
        }
    }

    private void Refused(MirrorRequest request, int status, string problem)
    {
        var now = time.GetUtcNow();
        if (_refusal is { } last && last.Repeats(request, status, problem))
        {
            var backoff = TimeSpan.FromTicks(Math.Min(last.Backoff.Ticks * 2, MaxBackoff.Ticks));
            _refusal = last with { Backoff = backoff, RetryAt = now + backoff };
            logger.LogDebug("Cloud mirror refused entries {From}..{End} again; next try in {Backoff}", request.From, request.End, backoff);
            return;
        }

        _refusal = new MirrorRefusal(request, status, problem, options.WitnessInterval, now + options.WitnessInterval);
        logger.LogError(
            "The cloud mirror refused custody entries {From}..{End} (cosigned size {CosignedSize}) with {Status}: {Problem}; backing off",
            request.From, request.End, request.CosignedSize, status, problem);
        events?.Post(DockEvent.Create(DockEventKind.Error, now) with
        {
            Message = $"cloud refused custody entries {request.From}..{request.End} ({status}): {problem}",
        });
    }

    /// <summary>The problem's detail (its whole text when it is not problem JSON) and, when given, the size the cloud holds.</summary>
    private static (string Problem, long? CloudSize) ReadProblem(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()!
                : $"{(root.TryGetProperty("title", out var t) ? t.ToString() : text.Trim())} {(root.TryGetProperty("errors", out var e) ? e.GetRawText() : string.Empty)}".Trim();
            long? size = root.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var value) ? value : null;
            return (detail, size);
        }
        catch (JsonException)
        {
            return (text.Trim(), null);
        }
    }
}
