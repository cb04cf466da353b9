using System.Net.Http.Headers;
using DockGateway.Cloud.Tests.Auth;
using Xunit;
using X = DockGateway.Cloud.Tests.Auth.AuthorizationMatrixFixture;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>The fleet endpoints against every kind of caller (same roles and agencies as the registry's matrix).</summary>
public sealed class FleetAuthorizationTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private static readonly string[] s_roles = ["admin", "manager-of-X", "manager-of-Y", "auditor", "auditor-of-X", "anonymous", "bad-token"];

    private static readonly (string Path, int[] Expected)[] s_endpoints =
    [
        ("/api/v1/fleet", [200, 200, 200, 200, 200, 401, 401]),
        ($"/api/v1/agencies/{X.X}/docks/{X.DockX}/status", [200, 200, 404, 200, 200, 401, 401]),
        ($"/api/v1/agencies/{X.Y}/docks/{X.DockX}/status", [404, 404, 404, 404, 404, 401, 401]),
        ($"/api/v1/agencies/{X.X}/alerts", [200, 200, 404, 200, 200, 401, 401]),
        ($"/api/v1/agencies/{X.X}/alerts?format=csv", [200, 200, 404, 200, 200, 401, 401]),
        ($"/api/v1/agencies/{X.Y}/alerts?since=2026-01-01T00:00:00Z", [200, 404, 200, 200, 404, 401, 401]),
        ("/api/v1/agencies/NO-SUCH-AGENCY/alerts", [404, 404, 404, 404, 404, 401, 401]),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (path, expected) in s_endpoints)
        {
            for (var i = 0; i < s_roles.Length; i++)
            {
                data.Add(path, s_roles[i], expected[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fleet_endpoint_answers_each_role_as_the_matrix_says(string path, string role, int expected)
    {
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (fixture.Token(role) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{role} GET {path}: expected {expected}, got {(int)response.StatusCode} {text}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_managers_fleet_lists_only_their_agencys_docks()
    {
        using var client = fixture.Host.Client(fixture.Token("manager-of-Y"));
        var fleet = await client.EventuallyAsync("/api/v1/fleet", _ => true);
        Assert.DoesNotContain(fleet.EnumerateArray(), d => d.GetProperty("agencyCode").GetString() != X.Y);
    }
}
