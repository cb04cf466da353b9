using System.Net;
using System.Text;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Problems;

/// <summary>Bad bodies and bad query values are answered in the caller's terms: field names, never .NET types.</summary>
public sealed class ProblemWordingTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly string[] s_dotNetWords = ["DockGateway.", "System.", "Nullable<", ".NET", "Int32", "DateTimeOffset"];

    private CloudTestHost Host => fixture.Host;

    public static TheoryData<string, string, string, string> MalformedBodies => new()
    {
        { "POST", "/api/v1/agencies", """{"code":"W1","name":"x","class":"A","officerCount":3,"legalReviewStaff":0,"budget":1}""", "budget" },
        { "POST", "/api/v1/agencies", """{"code":"W2","name":"x","class":"A","officerCount":"lots","legalReviewStaff":0}""", "officerCount" },
        { "POST", "/api/v1/agencies", """{"code":"W3","name":"x",""", "$" },
        { "POST", "/api/v1/agencies", """[1,2]""", "$" },
        { "POST", "/api/v1/agencies", """{"code":"W5","name":"x","class":"A","officerCount":1.5,"legalReviewStaff":0}""", "officerCount" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_json_body_is_a_400_naming_the_field_and_no_dotnet_type(string method, string path, string body, string field)
    {
        using var client = Host.Client(Host.AdminToken);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        var text = await AssertNoDotNetWordsAsync(response);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
        Assert.Contains(field, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/access-log?since=yesterday", "since", "expected an ISO 8601 time")]
    [InlineData("/api/v1/access-log?limit=many", "limit", "expected a whole number")]
    [InlineData("/api/v1/access-log?limit=99999999999", "limit", "expected a whole number")]
    public async Task Bad_query_value_is_a_400_naming_the_parameter_in_user_terms(string path, string parameter, string expected)
    {
        using var client = Host.Client(Host.AdminToken);
        using var response = await client.GetAsync(path);
        await AssertNoDotNetWordsAsync(response);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([parameter], problem.ErrorFields());
        Assert.Equal($"{parameter}: {expected}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_body_is_a_400_without_the_parameter_declaration()
    {
        using var client = Host.Client(Host.AdminToken);
        using var response = await client.PostAsync("/api/v1/agencies", new StringContent("", Encoding.UTF8, "application/json"));
        await AssertNoDotNetWordsAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_without_dotnet_words()
    {
        using var client = Host.Client(Host.AdminToken);
        using var response = await client.PostRawAsync("/api/v1/agencies", "code=x", "application/x-www-form-urlencoded");
        await AssertNoDotNetWordsAsync(response);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static async Task<string> AssertNoDotNetWordsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var word in s_dotNetWords)
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }

        return text;
    }
}
