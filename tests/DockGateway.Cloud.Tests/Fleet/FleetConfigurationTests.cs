using System.Net;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

public sealed class FleetConfigurationTests
{
    [Theory]
    [InlineData("Cloud:Mqtt:Port", "70000")]
    [InlineData("Cloud:Mqtt:KeepAliveSeconds", "1")]
    [InlineData("Cloud:Mqtt:CaFile", "/no/such/ca.pem")]
    [InlineData("Cloud:Mqtt:CleanSession", "false")] // without Cloud:Mqtt:ClientId
    [InlineData("Cloud:Fleet:TopicRoot", "dockgateway/+")]
    [InlineData("Cloud:Fleet:MaxPayloadBytes", "10")]
    [InlineData("Cloud:Fleet:ShareGroup", "a/b")]
    [InlineData("Cloud:Fleet:ShareGroup", "grp+")]
    [InlineData("Cloud:Mqtt:SessionExpiry", "00:00:00.500")]
    public async Task Invalid_fleet_setting_stops_the_service_at_start_naming_the_key(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CloudTestHost.StartAsync(
            CloudStorageKind.Sqlite, new Dictionary<string, string?> { ["Cloud:Mqtt:Host"] = "127.0.0.1", [key] = value }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_broker_host_nothing_subscribes_and_enrolled_docks_show_offline()
    {
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        using var enrolled = await TestDock.EnrolAsync(host);
        Assert.Null(host.Services.GetRequiredService<FleetSubscriber>().Connection);
        using var client = host.Client(host.AdminToken);
        var status = await (await client.GetAsync($"/api/v1/agencies/{enrolled.Agency}/docks/{enrolled.DockId}/status")).OkJsonAsync();
        Assert.False(status.Online());
        Assert.Empty(status.GetProperty("slots").EnumerateArray());
        await (await client.GetAsync($"/api/v1/agencies/{enrolled.Agency}/docks/dock-none/status")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
