using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Registry;

/// <summary>CSV imports are UTF-8: a Latin-1 file is refused naming the line, not stored as U+FFFD.</summary>
public sealed class CsvEncodingTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private CloudTestHost Host => fixture.Host;

    [Fact]
    public async Task Latin1_officer_import_is_a_400_naming_the_line_and_imports_nothing()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var latin1 = Encoding.Latin1.GetBytes("badge_number,name\n100,Ann Smith\n101,José García\n");
        using var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var problem = await (await client.PostAsync($"/api/v1/agencies/{code}/officers/import", content)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["line 3: (csv)"], problem.ErrorFields());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = await (await client.GetAsync($"/api/v1/agencies/{code}/officers")).OkJsonAsync();
        Assert.Empty(list.EnumerateArray());
    }

    [Fact]
    public async Task Utf8_officer_import_with_accents_and_a_bom_is_stored_as_sent()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("badge_number,name\n101,José García\n")).ToArray();
        using var content = new ByteArrayContent(utf8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        await (await client.PostAsync($"/api/v1/agencies/{code}/officers/import", content)).OkJsonAsync();

        var officer = await (await client.GetAsync($"/api/v1/agencies/{code}/officers/101")).OkJsonAsync();
        Assert.Equal("José García", officer.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xE9, (byte)'\n' }, 1)]
    [InlineData(new byte[] { (byte)'a', (byte)'\n', (byte)'b', (byte)'\n', 0xFF }, 3)]
    [InlineData(new byte[] { (byte)'a', (byte)'\n', 0xC3 }, 2)]
    public void Invalid_byte_is_reported_on_its_line(byte[] bytes, int line)
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvBody.Decode(bytes));
        Assert.Equal(line, ex.Line);
    }
}
