using DockGateway.Shared.Mqtt;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

public sealed class MqttTopicTests
{
    [Theory]
    [InlineData("dockgateway/v1/a/d/status", true)]
    [InlineData("", false)]
    [InlineData("a/+/b", false)]
    [InlineData("a/#", false)]
    public void Publish_topics_may_not_hold_wildcards(string topic, bool valid)
    {
        Assert.Equal(valid, MqttTopic.PublishError(topic) is null);
    }

    [Theory]
    [InlineData("a/+/b", true)]
    [InlineData("a/#", true)]
    [InlineData("#", true)]
    [InlineData("a/#/b", false)]
    [InlineData("a/b#", false)]
    [InlineData("a/b+/c", false)]
    public void Filters_use_wildcards_only_as_whole_levels(string filter, bool valid)
    {
        Assert.Equal(valid, MqttTopic.FilterError(filter) is null);
    }

    [Theory]
    [InlineData("dockgateway/v1/+/+/status", "dockgateway/v1/a/d1/status", true)]
    [InlineData("dockgateway/v1/#", "dockgateway/v1/a/d1/slots/3", true)]
    [InlineData("dockgateway/v1/+/+/status", "dockgateway/v1/a/d1/slots/3", false)]
    [InlineData("a/b", "a/b/c", false)]
    public void Matching_follows_the_mqtt_rules(string filter, string topic, bool matches)
    {
        Assert.Equal(matches, MqttTopic.Matches(filter, topic));
    }
}
