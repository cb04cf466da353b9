using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Tests.Uploads;
using Xunit;

namespace DockGateway.Cloud.Tests.ApiReference;

/// <summary>
/// Walks the running cloud's /openapi/v1.json: every operation, present and future, must say who may call it,
/// what it answers (a schema, or a declared bodiless / text / CSV answer) and that its errors are problem details.
/// And what the document says about creation is what the endpoints do.
/// </summary>
public sealed class OpenApiCompletenessTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private const string ProblemRef = "#/components/schemas/Problem";
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch"];

    /// <summary>The operations meant to be callable without credentials; any other one without a security requirement fails.</summary>
    private static readonly HashSet<string> s_anonymous = new(StringComparer.Ordinal)
    {
        "GET /healthz",
        "POST /api/v1/docks/enrol", // the one-time enrolment token in the body is the credential
        "OPTIONS /api/v1/uploads", // tus discovery is unsigned
        "OPTIONS /api/v1/uploads/{id}",
    };

    /// <summary>2xx answers whose content is in documented headers only (tus creation: Location, Upload-Offset, Upload-Receipt), as HEAD's; beside 204.</summary>
    private static readonly HashSet<string> s_headerOnly = new(StringComparer.Ordinal) { "POST /api/v1/uploads 201" };

    /// <summary>4xx bodies a protocol fixes (C2SP tlog-witness: 409 is the latest size as text/x.tlog.size).</summary>
    private static readonly HashSet<string> s_protocolErrors = new(StringComparer.Ordinal) { "POST /api/v1/witness/add-checkpoint 409 text/x.tlog.size" };

    private CloudTestHost Host => fixture.Host;

    [Fact]
    public async Task Every_operation_is_named_summarised_tagged_and_secured_or_explicitly_anonymous()
    {
        var failures = new List<string>();
        foreach (var (name, op) in Operations(await DocumentAsync()))
        {
            if (!op.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
            {
                failures.Add($"{name}: no operationId");
            }

            if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                failures.Add($"{name}: no summary (give it .WithSummary)");
            }

            if (!op.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
            {
                failures.Add($"{name}: no tag");
            }

            var schemes = op.TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject()).Select(p => p.Name).ToList()
                : null;
            if (schemes is null)
            {
                failures.Add($"{name}: no security requirement");
            }
            else if (schemes.Count == 0 != s_anonymous.Contains(name))
            {
                failures.Add(schemes.Count == 0 ? $"{name}: anonymous but not listed as meant to be" : $"{name}: listed as anonymous but needs {string.Join(", ", schemes)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_operation_documents_a_2xx_body_schema_or_a_declared_bodiless_answer_and_problem_4xx()
    {
        var failures = new List<string>();
        var operations = Operations(await DocumentAsync()).ToList();
        Assert.True(operations.Count >= 43, $"only {operations.Count} operations");
        foreach (var (name, op) in operations)
        {
            var responses = op.GetProperty("responses").EnumerateObject().ToList();
            var successes = responses.Where(r => r.Name.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                failures.Add($"{name}: no 2xx answer");
            }

            foreach (var success in successes)
            {
                var content = success.Value.TryGetProperty("content", out var c) ? c.EnumerateObject().ToList() : [];
                if (content.Count == 0)
                {
                    var headerOnly = name.StartsWith("HEAD ", StringComparison.Ordinal) || s_headerOnly.Contains($"{name} {success.Name}");
                    if (success.Name != "204" && !(headerOnly && success.Value.TryGetProperty("headers", out _)))
                    {
                        failures.Add($"{name}: {success.Name} has no body schema (use Produces<T>, 204, a declared text body, or document its headers)");
                    }
                }

                foreach (var media in content.Where(m => !m.Value.TryGetProperty("schema", out _)))
                {
                    failures.Add($"{name}: {success.Name} {media.Name} has no schema");
                }
            }

            var errors = responses.Where(r => r.Name.StartsWith('4')).ToList();
            if (errors.Count == 0)
            {
                failures.Add($"{name}: no 4xx answer");
            }

            foreach (var error in errors)
            {
                var content = error.Value.TryGetProperty("content", out var c) ? c.EnumerateObject().ToList() : [];
                if (content.Count == 1 && s_protocolErrors.Contains($"{name} {error.Name} {content[0].Name}"))
                {
                    continue;
                }

                var problem = content.Where(m => m.Name == "application/problem+json").Select(m => m.Value).FirstOrDefault();
                if (content.Count != 1 || problem.ValueKind != JsonValueKind.Object
                    || !problem.TryGetProperty("schema", out var schema) || !schema.TryGetProperty("$ref", out var reference) || reference.GetString() != ProblemRef)
                {
                    failures.Add($"{name}: {error.Name} is not application/problem+json with {ProblemRef} ({string.Join(", ", content.Select(m => m.Name))})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("GET /api/v1/ratios")]
    [InlineData("GET /api/v1/agencies/{code}/ratio")]
    [InlineData("GET /api/v1/statistics/equipment")]
    [InlineData("GET /api/v1/agencies/{code}/alerts")]
    public async Task Exports_document_both_json_and_csv(string operation)
    {
        var ok = Operations(await DocumentAsync()).Single(o => o.Name == operation).Operation.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(ok.GetProperty("application/json").TryGetProperty("schema", out _), $"{operation}: no JSON schema");
        Assert.Equal("string", ok.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Creating_endpoints_answer_the_documented_201_with_a_location()
    {
        var operations = Operations(await DocumentAsync()).ToDictionary(o => o.Name, o => o.Operation, StringComparer.Ordinal);
        var agency = TestDock.NewAgencyCode();
        using var admin = Host.Client(Host.AdminToken);
        var calls = new (string Operation, Func<Task<HttpResponseMessage>> Call, string? Location)[]
        {
            ("POST /api/v1/agencies", () => admin.PostJsonAsync("/api/v1/agencies", new { code = agency, name = "Agency", @class = "A", officerCount = 10, legalReviewStaff = 1 }), $"/api/v1/agencies/{agency}"),
            ("POST /api/v1/agencies/{code}/officers", () => admin.PostJsonAsync($"/api/v1/agencies/{agency}/officers", new { badgeNumber = "B1", name = "Officer" }), $"/api/v1/agencies/{agency}/officers/B1"),
            ("POST /api/v1/agencies/{code}/recorders", () => admin.PostJsonAsync($"/api/v1/agencies/{agency}/recorders", new { serial = agency + "-R1", vendor = "Acme", model = "BW-1" }), $"/api/v1/recorders/{agency}-R1"),
            ("POST /api/v1/tokens", () => admin.PostJsonAsync("/api/v1/tokens", new { name = "t", role = "auditor" }), "/api/v1/tokens/"),
            ("POST /api/v1/agencies/{code}/enrolment-tokens", () => admin.PostAsync($"/api/v1/agencies/{agency}/enrolment-tokens", null), null),
        };
        foreach (var (operation, call, location) in calls)
        {
            var documented = Success(operations[operation]);
            using var response = await call();
            Assert.True(documented == (int)response.StatusCode, $"{operation} documents {documented} but answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            if (location is not null)
            {
                Assert.StartsWith(location, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
        }

        var token = await TestDock.CreateTokenAsync(Host, agency);
        using var anonymous = Host.Client();
        using var enrolled = await anonymous.PostAsJsonAsync("/api/v1/docks/enrol",
            new { token, publicKey = Convert.ToBase64String(new byte[32]), site = "Station 1", slots = 4 });
        Assert.Equal(Success(operations["POST /api/v1/docks/enrol"]), (int)enrolled.StatusCode);
        var dockId = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dockId").GetString();
        Assert.Equal($"/api/v1/docks/{dockId}", enrolled.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Tus_answers_are_the_documented_ones()
    {
        var operations = Operations(await DocumentAsync()).ToDictionary(o => o.Name, o => o.Operation, StringComparer.Ordinal);
        using var dock = await TestDock.EnrolAsync(Host);
        var data = "documented"u8.ToArray();
        var sha256 = TusRequests.Sha256Hex(data);
        using var created = await dock.SendAsync(TusRequests.Create(data.Length, TusRequests.Metadata(sha256, data.Length, 1)));
        Assert.Equal(Success(operations["POST /api/v1/uploads"]), (int)created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        using var head = await dock.SendAsync(TusRequests.Head(location));
        Assert.Equal(Success(operations["HEAD /api/v1/uploads/{id}"]), (int)head.StatusCode);
        using var patch = await dock.SendAsync(TusRequests.Patch(location, 0), data);
        Assert.Equal(Success(operations["PATCH /api/v1/uploads/{id}"]), (int)patch.StatusCode);
        using var receiptRequest = new HttpRequestMessage(HttpMethod.Get, location + "/receipt");
        receiptRequest.Headers.Add("Tus-Resumable", "1.0.0");
        using var receipt = await dock.SendAsync(receiptRequest);
        Assert.Equal(Success(operations["GET /api/v1/uploads/{id}/receipt"]), (int)receipt.StatusCode);
    }

    /// <summary>The one 2xx status an operation documents.</summary>
    private static int Success(JsonElement operation) =>
        int.Parse(operation.GetProperty("responses").EnumerateObject().Single(r => r.Name.StartsWith('2')).Name, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = Host.Client();
        return await (await client.GetAsync("/openapi/v1.json")).OkJsonAsync();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => s_methods.Contains(m.Name))
            .Select(m => ($"{m.Name.ToUpperInvariant()} {path.Name}", m.Value)));
}
