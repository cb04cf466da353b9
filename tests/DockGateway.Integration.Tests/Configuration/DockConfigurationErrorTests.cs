using Xunit;

namespace DockGateway.Integration.Tests.Configuration;

/// <summary>The real dock refuses a bad configuration with one line and exit code 2, before it opens anything.</summary>
public sealed class DockConfigurationErrorTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("dockgw-config-");

    private string Simulation => Path.Combine(_root.FullName, "sim");

    private string Data => Path.Combine(_root.FullName, "data");

    public DockConfigurationErrorTests()
    {
        Directory.CreateDirectory(Simulation);
        Directory.CreateDirectory(Data);
    }

    [Theory]
    [InlineData("Dock:CheckpointEvery", "abc", "whole number")]
    [InlineData("Mqtt:Port", "x", "whole number")]
    [InlineData("Dock:LateAfter", "tomorrow", "00:05:00")]
    [InlineData("Dock:VerifyAfterCopy", "maybe", "true or false")]
    [InlineData("Dock:Hardware:GpioDriver", "fast", "one of Auto, Libgpiod, LibgpiodV2")]
    [InlineData("Sync:CloudUrl", "cloud.example.org", "absolute http(s) URL")]
    public void Unparseable_command_line_value_is_one_line_naming_key_and_expectation_with_exit_2_and_nothing_opened(string key, string value, string expected)
    {
        var line = RejectedStart.Dock(Simulation, Data, ["--" + key, value]).SingleErrorLine();

        Assert.Contains($"command line --{key}", line, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    [Fact]
    public void Value_out_of_range_is_one_line_from_the_validator_with_exit_2_and_nothing_opened()
    {
        var line = RejectedStart.Dock(Simulation, Data, ["--Dock:CheckpointEvery", "0"]).SingleErrorLine();

        Assert.Equal("configuration error: Dock:CheckpointEvery 0 must be greater than zero", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    [Fact]
    public void Unparseable_value_in_the_config_file_names_the_file_and_line()
    {
        var file = Path.Combine(_root.FullName, "dockgateway.json");
        File.WriteAllText(file, "{\n  // the dock\n  \"Dock\": {\n    \"LateAfter\": \"tomorrow\"\n  }\n}\n");

        var line = RejectedStart.Dock(Simulation, Data, environment: new Dictionary<string, string> { ["DOCKGATEWAY_CONFIG"] = file }).SingleErrorLine();

        Assert.Contains($"{file} line 4: Dock:LateAfter 'tomorrow' is not a duration", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    [Fact]
    public void Unparseable_environment_variable_is_named_as_written()
    {
        var line = RejectedStart.Dock(Simulation, Data, environment: new Dictionary<string, string> { ["DOCK__VERIFYAFTERCOPY"] = "maybe" }).SingleErrorLine();

        Assert.Contains("environment variable DOCK__VERIFYAFTERCOPY: DOCK:VERIFYAFTERCOPY 'maybe' is not true or false", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    [Fact]
    public void Malformed_config_file_is_one_line_naming_file_and_line()
    {
        var file = Path.Combine(_root.FullName, "dockgateway.json");
        File.WriteAllText(file, "{\n  \"Dock\": {\n    \"LateAfter\": 00:05:00\n  }\n}\n");

        var line = RejectedStart.Dock(Simulation, Data, ["--config", file]).SingleErrorLine();

        Assert.Contains($"{file} line 3: not valid JSON", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    [Fact]
    public void Misspelled_key_is_refused_with_the_nearest_known_key()
    {
        var file = Path.Combine(_root.FullName, "dockgateway.json");
        File.WriteAllText(file, """{ "Dock": { "Hardware": { "Slots": [ { "Port": "1-1", "SwitchPn": 17 } ] } } }""");

        var line = RejectedStart.Dock(Simulation, Data, ["--config", file]).SingleErrorLine();

        Assert.Contains("unknown key Dock:Hardware:Slots:0:SwitchPn; did you mean Dock:Hardware:Slots:0:SwitchPin?", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
