using DockGateway.Cloud.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Cloud.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Cloud:Ratios:LegalReviewShare", "1.5")]
    [InlineData("Cloud:Ratios:OverdueAfter", "-01:00:00")]
    [InlineData("Cloud:Http:MaxRequestBodyBytes", "10")]
    [InlineData("Cloud:Database:Postgres", "Host=127.0.0.1;NoSuchKeyword=1")]
    [InlineData("Cloud:Database:SqliteFile", " ")]
    public async Task Invalid_setting_stops_the_service_at_start_naming_the_key(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CloudTestHost.StartAsync(CloudStorageKind.Sqlite, new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unparsable_setting_stops_the_service_at_start_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            CloudTestHost.StartAsync(CloudStorageKind.Sqlite, new Dictionary<string, string?> { ["Cloud:Ratios:LegalReviewShare"] = "five percent" }));
        Assert.Contains("Cloud:Ratios:LegalReviewShare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_postgres_stops_the_service_at_start_naming_the_key()
    {
        var port = DockGateway.Testing.LoopbackPort.Free(); // nothing listens there
        var error = await Assert.ThrowsAsync<StartupRefusedException>(() => CloudTestHost.StartAsync(
            CloudStorageKind.Sqlite,
            new Dictionary<string, string?> { ["Cloud:Database:Postgres"] = $"Host=127.0.0.1;Port={port};Username=x;Timeout=3" }));
        Assert.Contains("Cloud:Database:Postgres", error.Message, StringComparison.Ordinal);
    }
}
