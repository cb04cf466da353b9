using System.Diagnostics;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.ApiReference;

/// <summary>The running cloud's /openapi/v1.json passes the pinned @redocly/cli lint (recommended rules) with zero errors.</summary>
public sealed class OpenApiLintTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [RedoclyFact]
    public async Task Openapi_document_lints_with_zero_errors()
    {
        using var client = fixture.Host.Client();
        var document = await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        var file = Path.Combine(fixture.Host.Directory, "openapi.json");
        await File.WriteAllTextAsync(file, document);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RedoclyFactAttribute.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { RedoclyFactAttribute.Cli, "lint", file, "--format=stylish" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"redocly lint failed ({node.ExitCode}):\n{await output}\n{await error}");
    }
}
