using System.Net.Http.Headers;
using System.Text;
using Xunit;
using X = DockGateway.Cloud.Tests.Auth.AuthorizationMatrixFixture;

namespace DockGateway.Cloud.Tests.Auth;

/// <summary>Role × endpoint × agency: every person endpoint against every kind of caller.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private static readonly string[] s_roles = ["admin", "manager-of-X", "manager-of-Y", "auditor", "auditor-of-X", "anonymous", "bad-token", "reviewer-of-X"];

    // Expected status per role, in s_roles order.
    private static readonly (string Name, string Method, string Path, Func<string?> Body, string ContentType, int[] Expected)[] s_endpoints =
    [
        ("list agencies", "GET", "/api/v1/agencies", NoBody, Json, [200, 200, 200, 200, 200, 401, 401, 200]),
        ("read agency X", "GET", $"/api/v1/agencies/{X.X}", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("create agency", "POST", "/api/v1/agencies", NewAgency, Json, [201, 403, 403, 403, 403, 401, 401, 403]),
        ("update agency X", "PUT", $"/api/v1/agencies/{X.X}", () => """{"name":"X","class":"A","officerCount":10,"legalReviewStaff":1}""", Json, [200, 403, 403, 403, 403, 401, 401, 403]),
        ("list officers of X", "GET", $"/api/v1/agencies/{X.X}/officers", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("read officer of X", "GET", $"/api/v1/agencies/{X.X}/officers/1", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("create officer in X", "POST", $"/api/v1/agencies/{X.X}/officers", () => $$"""{"badgeNumber":"{{Unique()}}","name":"N"}""", Json, [201, 201, 404, 403, 403, 401, 401, 403]),
        ("rename officer of X", "PUT", $"/api/v1/agencies/{X.X}/officers/1", () => """{"name":"Renamed"}""", Json, [200, 200, 404, 403, 403, 401, 401, 403]),
        ("import officers into X", "POST", $"/api/v1/agencies/{X.X}/officers/import", () => $"badge_number,name\n{Unique()},N\n", Csv, [200, 200, 404, 403, 403, 401, 401, 403]),
        ("list recorders of X", "GET", $"/api/v1/agencies/{X.X}/recorders", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("create recorder in X", "POST", $"/api/v1/agencies/{X.X}/recorders", () => $$"""{"serial":"{{Unique()}}","vendor":"V","model":"M"}""", Json, [201, 201, 404, 403, 403, 401, 401, 403]),
        ("import recorders into X", "POST", $"/api/v1/agencies/{X.X}/recorders/import", () => $"serial,vendor,model\n{Unique()},V,M\n", Csv, [200, 200, 404, 403, 403, 401, 401, 403]),
        ("read recorder of X", "GET", $"/api/v1/recorders/{X.SerialX}", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("update recorder of X", "PUT", $"/api/v1/recorders/{X.SerialX}", () => """{"vendor":"V","model":"M","status":"in-service"}""", Json, [200, 200, 404, 403, 403, 401, 401, 403]),
        ("list docks", "GET", "/api/v1/docks", NoBody, Json, [200, 200, 200, 200, 200, 401, 401, 200]),
        ("read dock of X", "GET", $"/api/v1/docks/{X.DockX}", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("list docks of X", "GET", $"/api/v1/agencies/{X.X}/docks", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("ratio of X", "GET", $"/api/v1/agencies/{X.X}/ratio", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("ratio of X as CSV", "GET", $"/api/v1/agencies/{X.X}/ratio?format=csv", NoBody, Json, [200, 200, 404, 200, 200, 401, 401, 200]),
        ("all ratios", "GET", "/api/v1/ratios", NoBody, Json, [200, 200, 200, 200, 200, 401, 401, 200]),
        ("equipment statistics", "GET", "/api/v1/statistics/equipment", NoBody, Json, [200, 200, 200, 200, 200, 401, 401, 200]),
        ("access log", "GET", "/api/v1/access-log", NoBody, Json, [200, 403, 403, 200, 200, 401, 401, 403]),
        ("list tokens", "GET", "/api/v1/tokens", NoBody, Json, [200, 403, 403, 403, 403, 401, 401, 403]),
        ("create token", "POST", "/api/v1/tokens", () => """{"name":"n","role":"auditor"}""", Json, [201, 403, 403, 403, 403, 401, 401, 403]),
        ("who am I", "GET", "/api/v1/me", NoBody, Json, [200, 200, 200, 200, 200, 401, 401, 200]),
        ("search footage of X", "GET", $"/api/v1/footage?agency={X.X}", NoBody, Json, [200, 403, 403, 200, 200, 401, 401, 200]),
        ("footage content", "GET", $"/api/v1/footage/{new string('e', 64)}/content?reason=r", NoBody, Json, [404, 403, 403, 403, 403, 401, 401, 404]),
        ("evidence settings of X", "GET", $"/api/v1/agencies/{X.X}/evidence-settings", NoBody, Json, [200, 403, 403, 200, 200, 401, 401, 200]),
        ("change evidence settings of X", "PUT", $"/api/v1/agencies/{X.X}/evidence-settings", () => """{"downloadApproval":false,"retentionDays":200}""", Json, [200, 403, 403, 403, 403, 401, 401, 403]),
        ("open a case in X", "POST", $"/api/v1/agencies/{X.X}/cases", () => $$"""{"caseNumber":"{{Unique()}}","enforcementType":"other","actionEndedOn":"2026-01-02"}""", Json, [201, 403, 403, 403, 403, 401, 401, 201]),
        ("list cases", "GET", "/api/v1/cases", NoBody, Json, [200, 403, 403, 200, 200, 401, 401, 200]),
        ("retention preview", "GET", "/api/v1/retention/preview", NoBody, Json, [200, 403, 403, 200, 200, 401, 401, 200]),
        ("retention holds", "GET", "/api/v1/holds", NoBody, Json, [200, 403, 403, 200, 200, 401, 401, 200]),
        ("download requests", "GET", "/api/v1/download-requests", NoBody, Json, [200, 403, 403, 200, 200, 401, 401, 200]),
    ];

    private const string Json = "application/json";
    private const string Csv = "text/csv";

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var endpoint in s_endpoints)
        {
            for (var i = 0; i < s_roles.Length; i++)
            {
                data.Add(endpoint.Name, s_roles[i], endpoint.Expected[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_answers_each_role_as_the_matrix_says(string endpoint, string role, int expected)
    {
        var e = s_endpoints.Single(x => x.Name == endpoint);
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(new HttpMethod(e.Method), e.Path);
        if (fixture.Token(role) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (e.Body() is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, e.ContentType);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{role} {e.Method} {e.Path}: expected {expected}, got {(int)response.StatusCode} {text}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (expected == 401)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    private static string? NoBody() => null;

    private static string NewAgency() => $$"""{"code":"M-{{Unique().ToUpperInvariant()}}","name":"n","class":"B","officerCount":3,"legalReviewStaff":0}""";

    private static string Unique() => Guid.NewGuid().ToString("N")[..12];
}
