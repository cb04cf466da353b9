using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Cloud.Tests.Auth;

/// <summary><c>DockGateway.Cloud admin-token</c> run as a process beside the running cloud, on its database.</summary>
public sealed class AdminTokenCommandTests
{
    [Fact]
    public async Task Admin_token_command_prints_a_token_once_that_the_running_cloud_accepts_as_admin()
    {
        await using var cloud = await CloudProcess.StartAsync("admintoken");

        var (exit, stdout, stderr) = await RunAsync(cloud, "admin-token", "--name", "ops");

        Assert.True(exit == 0, stderr);
        var token = stdout.Trim();
        Assert.StartsWith("dgw_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stderr, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = cloud.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync(new Uri("/api/v1/tokens", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        var ops = Assert.Single(tokens, t => t.GetProperty("name").GetString() == "ops");
        Assert.Equal("admin", ops.GetProperty("role").GetString());
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The recovery case: the other admin revoked, the new token still administers.
        var bootstrap = tokens.Single(t => t.GetProperty("name").GetString() == "bootstrap-admin").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/tokens/{bootstrap}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/tokens", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Admin_token_command_without_a_name_value_is_a_usage_error_and_prints_no_token()
    {
        await using var cloud = await CloudProcess.StartAsync("admintoken");

        var (exit, stdout, stderr) = await RunAsync(cloud, "admin-token", "--name");

        Assert.Equal(2, exit);
        Assert.Empty(stdout.Trim());
        Assert.Contains("--name", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(CloudProcess cloud, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", BuiltProducts.Cloud, .. arguments])
        {
            WorkingDirectory = cloud.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Cloud__DataDirectory"] = Path.Combine(cloud.Directory, "data");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
