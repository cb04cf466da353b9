using System.Text.Json;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.ApiReference;

/// <summary>/openapi/v1.json describes every operation: id, summary, tags, security and a problem+json 4xx.</summary>
public sealed class OpenApiDocumentTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch"];

    private CloudTestHost Host => fixture.Host;

    [Fact]
    public async Task Every_operation_has_an_id_summary_tags_security_and_a_4xx_problem()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 40, $"only {operations.Count} operations");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, op) in operations)
        {
            Assert.True(op.TryGetProperty("operationId", out var id) && ids.Add(id.GetString()!), $"{name}: no or a duplicate operationId");
            Assert.False(string.IsNullOrWhiteSpace(op.GetProperty("summary").GetString()), $"{name}: no summary");
            Assert.True(op.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{name}: no tags");
            Assert.True(op.TryGetProperty("security", out _), $"{name}: no security requirement");
            var problems = op.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name.StartsWith('4') && r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out _));
            Assert.True(problems.Any(), $"{name}: no 4xx problem+json response");
        }
    }

    [Fact]
    public async Task People_endpoints_need_bearer_and_dock_endpoints_the_signature()
    {
        var document = await DocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Contains("RFC 9421", schemes.GetProperty("dockSignature").GetProperty("description").GetString(), StringComparison.Ordinal);

        var operations = Operations(document).ToDictionary(o => o.Name, o => o.Operation, StringComparer.Ordinal);
        Assert.Equal("bearer", SchemeOf(operations["GET /api/v1/agencies"]));
        Assert.Equal("dockSignature", SchemeOf(operations["POST /api/v1/uploads"]));
        Assert.Equal("dockSignature", SchemeOf(operations["POST /api/v1/witness/add-checkpoint"]));
    }

    [Theory]
    [InlineData("POST /api/v1/agencies", "201")]
    [InlineData("POST /api/v1/agencies/{code}/officers", "201")]
    [InlineData("POST /api/v1/uploads", "201")]
    [InlineData("PATCH /api/v1/uploads/{id}", "204")]
    [InlineData("POST /api/v1/agencies/{code}/recorders", "201")]
    [InlineData("POST /api/v1/tokens", "201")]
    [InlineData("POST /api/v1/agencies/{code}/enrolment-tokens", "201")]
    [InlineData("POST /api/v1/docks/enrol", "201")]
    [InlineData("HEAD /api/v1/uploads/{id}", "200")] // tus allows 200 or 204; the cloud answers 200 (and docks in the field expect it)
    [InlineData("DELETE /api/v1/uploads/{id}", "204")]
    [InlineData("DELETE /api/v1/tokens/{id}", "204")]
    public async Task Creating_and_bodiless_operations_document_201_and_204(string operation, string status)
    {
        var operations = Operations(await DocumentAsync()).ToDictionary(o => o.Name, o => o.Operation, StringComparer.Ordinal);
        Assert.True(operations[operation].GetProperty("responses").TryGetProperty(status, out _), $"{operation} documents no {status}");
    }

    private static string? SchemeOf(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject()).Select(p => p.Name).FirstOrDefault();

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
