using DockGateway.Shared.Configuration;
using Xunit;

namespace DockGateway.Shared.Tests.Configuration;

public sealed class ConfigurationSchemaTests
{
    private static readonly ConfigurationSchema s_schema = new([new("Dock", typeof(Outer)), new("Dock:Hardware", typeof(Inner))]);

    [Theory]
    [InlineData("Dock:Name", typeof(string))]
    [InlineData("dock:name", typeof(string))]
    [InlineData("Dock:Hardware:Slots:0:SwitchPin", typeof(int?))]
    [InlineData("Dock:Hardware:Slots:12:SwitchPin", typeof(int?))]
    [InlineData("Dock:Hardware:Serials:3", typeof(string))]
    [InlineData("Dock:Labels:anything", typeof(TimeSpan))]
    public void Keys_are_found_through_sections_lists_and_dictionaries(string key, Type expected)
    {
        var (node, problem) = s_schema.Resolve(key);

        Assert.Null(problem);
        Assert.Equal(expected, node!.ValueType);
    }

    [Theory]
    [InlineData("Dock:Hardware:Slots:0:SwitchPn", "unknown key Dock:Hardware:Slots:0:SwitchPn; did you mean Dock:Hardware:Slots:0:SwitchPin?")]
    [InlineData("Dock:Hardwar:Slots", "unknown key Dock:Hardwar:Slots; did you mean Dock:Hardware?")]
    [InlineData("Dock:Hardware:Slots:first:SwitchPin", "Dock:Hardware:Slots is a list: its keys are 0, 1, 2, … (not 'first')")]
    [InlineData("Dock:Name:Inner", "Dock:Name takes a value, it has no key 'Inner'")]
    [InlineData("Dock:Zzzzzzzzzz", "unknown key Dock:Zzzzzzzzzz; the keys under Dock are Computed, Hardware, Labels, Name")]
    public void Unknown_keys_say_what_is_known(string key, string expected) =>
        Assert.Equal(expected, s_schema.Resolve(key).Problem);

    [Fact]
    public void Only_the_listed_sections_are_owned()
    {
        Assert.True(s_schema.Owns("DOCK:Name"));
        Assert.False(s_schema.Owns("Logging:LogLevel:Default"));
    }

    private sealed class Outer
    {
        public string Name { get; set; } = string.Empty;

        public Dictionary<string, TimeSpan> Labels { get; set; } = [];

        public bool Computed { get; set; }

        public string ReadOnly => Name;
    }

    private sealed class Inner
    {
        public List<Wiring> Slots { get; set; } = [];

        public List<string> Serials { get; set; } = [];
    }

    private sealed class Wiring
    {
        public int? SwitchPin { get; set; }
    }
}
