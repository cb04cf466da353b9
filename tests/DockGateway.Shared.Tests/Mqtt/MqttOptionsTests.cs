using DockGateway.Shared.Mqtt;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

public sealed class MqttOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new MqttOptions().Validate());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(1.25)]
    [InlineData(200.0 * 365 * 24 * 3600)]
    public void Session_expiry_must_be_whole_seconds_from_one_second_to_the_MQTT_maximum(double seconds)
    {
        var errors = new MqttOptions { SessionExpiry = TimeSpan.FromSeconds(seconds) }.Validate();
        Assert.Contains(errors, e => e.StartsWith("Mqtt:SessionExpiry ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("$share/grp/a/+", true)]
    [InlineData("$share/grp/#", true)]
    [InlineData("$share/g+/a", false)]
    [InlineData("$share/+/a", false)]
    [InlineData("$share/grp", false)]
    [InlineData("$share/grp/", false)]
    public void Shared_subscription_filters_need_a_plain_group_name_and_a_filter(string filter, bool valid)
    {
        Assert.Equal(valid, MqttTopic.FilterError(filter) is null);
    }

    [Fact]
    public void Each_problem_names_its_configuration_key()
    {
        var options = new MqttOptions
        {
            Host = " ",
            Port = 70000,
            Password = "secret",
            CertFile = "/nonexistent/client.pem",
            KeepAliveSeconds = 1,
            ReconnectDelayMin = TimeSpan.FromSeconds(10),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            MaxQueuedMessages = 0,
            Will = new MqttWill { Topic = "a/#", Qos = (MqttQos)3 },
        };

        var errors = options.Validate();

        foreach (var key in new[] { "Mqtt:Host", "Mqtt:Port", "Mqtt:Password", "Mqtt:CertFile", "Mqtt:KeyFile", "Mqtt:CaFile", "Mqtt:KeepAliveSeconds", "Mqtt:ReconnectDelayMax", "Mqtt:MaxQueuedMessages", "Mqtt:Will:Topic", "Mqtt:Will:Qos" })
        {
            Assert.Contains(errors, e => e.StartsWith(key + " ", StringComparison.Ordinal));
        }

        Assert.Contains(errors, e => e.Contains("70000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/nonexistent/client.pem", StringComparison.Ordinal));
    }

    [Fact]
    public void A_persistent_session_without_a_client_id_is_refused_naming_both_keys()
    {
        var errors = new MqttOptions { CleanSession = false }.Validate("Cloud:Mqtt");

        var error = Assert.Single(errors);
        Assert.StartsWith("Cloud:Mqtt:ClientId ", error, StringComparison.Ordinal);
        Assert.Contains("Cloud:Mqtt:CleanSession", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persistent_session_with_a_client_id_is_valid_and_clean_is_the_default()
    {
        Assert.True(new MqttOptions().CleanSession);
        Assert.Empty(new MqttOptions { CleanSession = false, ClientId = "cloud-1" }.Validate());
    }

    [Fact]
    public void Constructing_a_connection_with_invalid_options_throws_before_touching_the_library()
    {
        var error = Assert.Throws<ArgumentException>(() => new MqttConnection(new MqttOptions { Port = 0 }));
        Assert.Contains("Mqtt:Port", error.Message, StringComparison.Ordinal);
    }
}
