using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>Small HTTP conveniences for the tests.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PutAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem detail with the status, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a CSV download (text/csv, UTF-8 starting with a byte-order mark) and returns its lines.</summary>
    public static async Task<string[]> CsvLinesAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "a CSV download starts with the UTF-8 byte-order mark");
        return Encoding.UTF8.GetString(bytes.AsSpan(Encoding.UTF8.Preamble.Length)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The field names in a problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Creates an agency as the host's admin and returns its code (unique per call).</summary>
    public static async Task<string> CreateAgencyAsync(
        this CloudTestHost host, string agencyClass = "A", long officers = 10, long? classCMinimum = null, long legalReviewStaff = 1, string? code = null)
    {
        code ??= "AG-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using var client = host.Client(host.AdminToken);
        var response = await client.PostJsonAsync("/api/v1/agencies", new
        {
            code, name = $"Agency {code}", @class = agencyClass, officerCount = officers, classCMinimum, legalReviewStaff,
        });
        await response.OkJsonAsync(HttpStatusCode.Created);
        return code;
    }

    public static async Task AddOfficerAsync(this CloudTestHost host, string agency, string badge)
    {
        using var client = host.Client(host.AdminToken);
        await (await client.PostJsonAsync($"/api/v1/agencies/{agency}/officers", new { badgeNumber = badge, name = $"Officer {badge}" }))
            .OkJsonAsync(HttpStatusCode.Created);
    }

    public static async Task AddRecorderAsync(this CloudTestHost host, string agency, string serial, string status = "in-service", string? assignedBadge = null)
    {
        using var client = host.Client(host.AdminToken);
        await (await client.PostJsonAsync($"/api/v1/agencies/{agency}/recorders", new { serial, vendor = "Acme", model = "BW-1", status, assignedBadge }))
            .OkJsonAsync(HttpStatusCode.Created);
    }
}
