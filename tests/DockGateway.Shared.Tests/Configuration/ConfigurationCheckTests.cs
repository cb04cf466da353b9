using DockGateway.Shared.Configuration;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DockGateway.Shared.Tests.Configuration;

public sealed class ConfigurationCheckTests
{
    private static readonly ConfigurationSchema s_schema = new([new("Mqtt", typeof(MqttOptions)), new("Cloud:Mqtt", typeof(MqttOptions))]);

    [Fact]
    public void Keys_of_sections_the_product_does_not_own_are_not_checked()
    {
        var problems = Check(new()
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Kestrel:Endpoints:Http:Url"] = "http://*:80",
            ["Urls"] = "http://*:80",
            ["AllowedHosts"] = "*",
            ["PATH"] = "/usr/bin",
            ["Mqtt:Host"] = "broker",
        });

        Assert.Empty(problems);
    }

    [Fact]
    public void Unknown_key_in_an_owned_section_names_the_nearest_one()
    {
        var problem = Assert.Single(Check(new() { ["Mqtt:Prot"] = "1883" }));
        Assert.Equal("configuration: unknown key Mqtt:Prot; did you mean Mqtt:Port?", problem);
    }

    [Fact]
    public void Nested_keys_are_known_by_reflection_through_sub_sections_and_objects()
    {
        Assert.Empty(Check(new() { ["Cloud:Mqtt:Port"] = "8883", ["Mqtt:Will:Topic"] = "a/b", ["Mqtt:Will:Retain"] = "true" }));
        var problem = Assert.Single(Check(new() { ["Mqtt:Will:Retian"] = "true" }));
        Assert.Contains("did you mean Mqtt:Will:Retain?", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mqtt:Port", "x", "a whole number")]
    [InlineData("Mqtt:CleanSession", "maybe", "true or false")]
    [InlineData("Mqtt:SessionExpiry", "tomorrow", "a duration")]
    [InlineData("Mqtt:Will:Qos", "7", "one of AtMostOnce, AtLeastOnce, ExactlyOnce")]
    [InlineData("Mqtt:Port", "", "a whole number")]
    public void Unparseable_value_names_key_value_and_what_is_expected(string key, string value, string expected)
    {
        var problem = Assert.Single(Check(new() { [key] = value }));
        Assert.Equal($"configuration: {key} '{value}' is not {expected}", problem[..Math.Min(problem.Length, $"configuration: {key} '{value}' is not {expected}".Length)]);
    }

    [Fact]
    public void A_value_hidden_by_a_later_source_is_not_checked()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mqtt:Port"] = "x" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mqtt:Port"] = "1883" })
            .Build();

        Assert.Empty(ConfigurationCheck.Problems(configuration, s_schema));
    }

    [Fact]
    public void Empty_optional_values_are_accepted()
    {
        Assert.Empty(Check(new() { ["Mqtt:ClientId"] = string.Empty, ["Mqtt:Will"] = string.Empty }));
    }

    private static IReadOnlyList<string> Check(Dictionary<string, string?> values) =>
        ConfigurationCheck.Problems(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), s_schema);
}
