using System.Diagnostics;
using System.Security.Cryptography;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using DockGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>The reference tus client (tus-js-client, Node.js) uploads to the cloud, signing each request.</summary>
public sealed class TusJsClientTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [TusJsClientFact]
    public async Task Tus_js_client_uploads_a_file_in_signed_chunks_and_it_is_stored_intact()
    {
        using var dock = await TestDock.EnrolAsync(fixture.Host);
        var data = RandomNumberGenerator.GetBytes(300_000);
        var file = Path.Combine(fixture.Host.Directory, "interop.bin");
        await File.WriteAllBytesAsync(file, data);
        var seed = new byte[32];
        dock.Key.CopySeedTo(seed);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(data));

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = TusJsClientFactAttribute.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "upload.mjs", new Uri(fixture.Host.BaseAddress, "/api/v1/uploads/").ToString(), dock.DockId,
            Convert.ToHexStringLower(seed), file, sha256, "11" })
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {await errors}");
        Assert.Contains("/api/v1/uploads/", await output, StringComparison.Ordinal);

        await using var stored = fixture.Host.Services.GetRequiredService<IBlobStore>().OpenRead(sha256);
        Assert.NotNull(stored);
        Assert.Equal(sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)));
    }
}
