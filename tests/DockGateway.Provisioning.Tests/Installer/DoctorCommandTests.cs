using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockGateway.Provisioning;
using DockGateway.Provisioning.Installer;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Provisioning.Tests.Installer;

/// <summary><c>dockctl doctor</c> checks the broker and cloud the dock's configuration names, and speaks JSON for fleet tools.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DoctorCommandTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private readonly string _config;

    public DoctorCommandTests()
    {
        _config = _scratch.Combine("etc", "dockgateway.json");
        Assert.Equal(ExitCodes.Ok, Dockctl(new StringWriter(), "init", "--config", _config, "--data", _scratch.Combine("data")));
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Doctor_checks_the_broker_named_in_the_configuration_not_a_fixed_address()
    {
        using var broker = new TcpListener(IPAddress.Loopback, 0);
        broker.Start();
        var port = ((IPEndPoint)broker.LocalEndpoint).Port;
        Configure("Mqtt", new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = port });

        var checks = await DoctorJsonAsync();

        var check = Single(checks, "MQTT broker");
        Assert.True((bool)check["ok"]!, check.ToJsonString());
        Assert.Equal($"127.0.0.1:{port} accepts connections", (string?)check["detail"]);
    }

    [Fact]
    public async Task Doctor_fails_on_the_configured_broker_when_it_does_not_answer_and_names_the_keys_to_fix()
    {
        var closed = LoopbackPort.Free();
        Configure("Mqtt", new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = closed });

        var check = Single(await DoctorJsonAsync(), "MQTT broker");

        Assert.False((bool)check["ok"]!);
        Assert.StartsWith($"127.0.0.1:{closed}:", (string?)check["detail"], StringComparison.Ordinal);
        Assert.Contains("Mqtt:Host/Port in " + _config, (string?)check["fix"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_checks_the_configured_cloud()
    {
        var closed = LoopbackPort.Free();
        Configure("Sync", new JsonObject { ["CloudUrl"] = $"http://127.0.0.1:{closed}/" });

        var check = Single(await DoctorJsonAsync(), "cloud");

        Assert.False((bool)check["ok"]!);
        Assert.StartsWith($"http://127.0.0.1:{closed}/:", (string?)check["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_json_is_an_array_of_check_ok_detail_fix_with_a_fix_for_each_failure()
    {
        var output = new StringWriter();
        var code = await Task.Run(() => Dockctl(output, "doctor", "--config", _config, "--json"));

        var checks = JsonNode.Parse(output.ToString())!.AsArray();
        Assert.NotEmpty(checks);
        foreach (var check in checks.Select(c => c!.AsObject()))
        {
            Assert.Equal(["check", "ok", "detail", "fix"], check.Select(p => p.Key));
            Assert.Equal(JsonValueKind.String, check["check"]!.GetValueKind());
            Assert.Equal(JsonValueKind.String, check["detail"]!.GetValueKind());
            Assert.Equal((bool)check["ok"]! ? JsonValueKind.Null : JsonValueKind.String, check["fix"]?.GetValueKind() ?? JsonValueKind.Null);
        }

        Assert.Equal(checks.All(c => (bool)c!["ok"]!) ? ExitCodes.Ok : ExitCodes.VerificationFailed, code);
        Assert.False((bool)Single(checks, "slot map")["ok"]!);
    }

    [Fact]
    public async Task Doctor_reports_a_misspelled_key_with_the_nearest_known_one()
    {
        Configure("Mqtt", new JsonObject { ["Hots"] = "broker.example.org" });

        var check = Single(await DoctorJsonAsync(), "configuration");

        Assert.False((bool)check["ok"]!);
        Assert.Contains("unknown key Mqtt:Hots; did you mean Mqtt:Host?", (string?)check["detail"], StringComparison.Ordinal);
    }

    private void Configure(string section, JsonObject value)
    {
        var file = DockConfigFile.Load(_config);
        file.Root[section] = value;
        file.Save();
    }

    private async Task<JsonArray> DoctorJsonAsync()
    {
        var output = new StringWriter();
        await Task.Run(() => Dockctl(output, "doctor", "--config", _config, "--json"));
        return JsonNode.Parse(output.ToString())!.AsArray();
    }

    private static JsonObject Single(JsonArray checks, string name) =>
        Assert.Single(checks, c => (string?)c!["check"] == name)!.AsObject();

    private static int Dockctl(StringWriter output, params string[] args)
    {
        var root = new RootCommand("dockctl");
        foreach (var command in InstallerCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        return DockctlInvocation.Run(root, args, TextWriter.Synchronized(output), new StringWriter());
    }
}
