using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using DockGateway.Provisioning;
using DockGateway.Provisioning.Installer;
using DockGateway.Shared.Crypto;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Provisioning.Tests.Installer;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallerCommandTests : IDisposable
{
    private static readonly ConditionalWeakTable<StringWriter, TextWriter> s_synchronized = new();

    private readonly ScratchDirectory _scratch = new();
    private readonly string _config;
    private readonly string _data;

    public InstallerCommandTests()
    {
        _config = _scratch.Combine("etc", "dockgateway.json");
        _data = _scratch.Combine("data");
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Init_creates_a_private_key_and_a_valid_configuration_and_keeps_them_on_rerun()
    {
        var (code, output) = Dockctl("init", "--config", _config, "--data", _data, "--agency", "metro");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data, "dock.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_config));
        var config = DockConfigFile.Load(_config);
        Assert.Equal("metro", (string?)config.Dock["Agency"]);
        Assert.Equal(Path.Combine(_data, "dock.key"), (string?)config.Dock["KeyFile"]);
        Assert.Contains("created dock key", output, StringComparison.Ordinal);

        var key = File.ReadAllText(Path.Combine(_data, "dock.key"));
        var (again, secondOutput) = Dockctl("init", "--config", _config, "--data", _data);
        Assert.Equal(ExitCodes.Ok, again);
        Assert.Equal(key, File.ReadAllText(Path.Combine(_data, "dock.key")));
        Assert.Contains("kept existing configuration", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_posts_the_public_key_and_stores_the_clouds_answer()
    {
        Dockctl("init", "--config", _config, "--data", _data);
        using var cloud = new FakeCloud(HttpStatusCode.OK, """{"dockId":"dock-42","agency":"PD42","origin":"pd42.docks.dockgateway.local/dock-42","witnessKey":"cloud.example+abcd1234+AAAA","receiptKey":"cloud.example+12345678+BBBB"}""");

        var (code, output) = await Task.Run(() => Dockctl("enroll", "--config", _config, "--cloud", cloud.Url, "--token", "one-time-T0K3N", "--site", "Station 3"));

        Assert.True(code == ExitCodes.Ok, output);
        var body = JsonNode.Parse(cloud.Bodies.Single())!;
        Assert.Equal("/api/v1/docks/enrol", cloud.Paths.Single());
        Assert.Equal("one-time-T0K3N", (string?)body["token"]);
        Assert.Equal("Station 3", (string?)body["site"]);
        using (var key = KeyFile.Read(Path.Combine(_data, "dock.key")))
        {
            Assert.Equal(Convert.ToBase64String(key.PublicKey), (string?)body["publicKey"]);
        }

        var config = DockConfigFile.Load(_config);
        Assert.Equal("dock-42", (string?)config.Dock["DockId"]);
        Assert.Equal("PD42", (string?)config.Dock["Agency"]);
        Assert.Equal("pd42.docks.dockgateway.local/dock-42", (string?)config.Dock["Origin"]);
        Assert.Equal("cloud.example+abcd1234+AAAA", (string?)config.Root["Sync"]!["WitnessKey"]);
        Assert.Equal("cloud.example+12345678+BBBB", (string?)config.Root["Sync"]!["ReceiptKey"]);
        Assert.StartsWith(cloud.Url.TrimEnd('/'), (string?)config.Root["Sync"]!["CloudUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_enrolment_exits_1_and_changes_nothing()
    {
        Dockctl("init", "--config", _config, "--data", _data);
        var before = File.ReadAllText(_config);
        using var cloud = new FakeCloud(HttpStatusCode.Forbidden, """{"error":"token already used"}""");

        var (code, output) = await Task.Run(() => Dockctl("enroll", "--config", _config, "--cloud", cloud.Url, "--token", "used"));

        Assert.Equal(ExitCodes.VerificationFailed, code);
        Assert.Contains("token already used", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_config));
    }

    [Fact]
    public void Enroll_without_init_names_the_missing_configuration()
    {
        var (code, output) = Dockctl("enroll", "--config", _config, "--cloud", "https://cloud.example", "--token", "t");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(_config, output, StringComparison.Ordinal);
        Assert.Contains("dockctl init", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slots_learn_records_the_port_of_each_recorder_in_turn_keeping_pins()
    {
        Dockctl("init", "--config", _config, "--data", _data);
        var config = DockConfigFile.Load(_config);
        config.Hardware["Slots"] = new JsonArray(new JsonObject { ["Slot"] = 1, ["Port"] = "1-1.9", ["GreenLedPin"] = 5 });
        config.Save();
        var sysfs = new FakeSysfs(_scratch.Combine("fake"));
        var output = new StringWriter();

        var learning = Task.Run(() => Dockctl(output, "slots", "learn", "--config", _config, "--slots", "2", "--sysfs", sysfs.Sys, "--timeout", "20"));
        await WaitForAsync(output, "plug a recorder into slot 1");
        sysfs.Plug("1-1.2", 0x2e8a, 3, "A", "sda", "/dev/null");
        await WaitForAsync(output, "Unplug it");
        sysfs.Unplug("1-1.2");
        await WaitForAsync(output, "plug a recorder into slot 2");
        sysfs.Plug("1-1.4", 0x2e8a, 3, "B", "sdb", "/dev/null");
        await WaitForAsync(output, "Slot 2 is port 1-1.4");
        sysfs.Unplug("1-1.4");

        Assert.Equal(ExitCodes.Ok, (await learning).Code);
        var slots = (JsonArray)DockConfigFile.Load(_config).Hardware["Slots"]!;
        Assert.Equal("1-1.2", (string?)slots[0]!["Port"]);
        Assert.Equal(5, (int?)slots[0]!["GreenLedPin"]);
        Assert.Equal("1-1.4", (string?)slots[1]!["Port"]);
    }

    [Fact]
    public void Slots_learn_gives_up_with_a_clear_error_when_nothing_is_plugged_in()
    {
        Dockctl("init", "--config", _config, "--data", _data);
        var sysfs = new FakeSysfs(_scratch.Combine("fake"));

        var (code, output) = Dockctl("slots", "learn", "--config", _config, "--slots", "1", "--sysfs", sysfs.Sys, "--timeout", "1");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("no new USB storage device appeared for slot 1", output, StringComparison.Ordinal);
    }

    [RequiresFact(Needs.Gpiod)]
    public async Task Doctor_reports_each_check_with_a_fix_and_fails_on_an_unreachable_broker()
    {
        Dockctl("init", "--config", _config, "--data", _data);
        using var cloud = new FakeCloud(HttpStatusCode.OK, "{}");
        var config = DockConfigFile.Load(_config);
        config.Root["Sync"] = new JsonObject { ["CloudUrl"] = cloud.Url };
        config.Save();
        var closedPort = FreePort();

        var (code, output) = await Task.Run(() => Dockctl("doctor", "--config", _config, "--broker", $"127.0.0.1:{closedPort}"));

        Assert.Equal(ExitCodes.VerificationFailed, code);
        Assert.Contains("PASS  Ed25519 (NSec)", output, StringComparison.Ordinal);
        Assert.Contains("PASS  library libgpiod: libgpiod.so.", output, StringComparison.Ordinal);
        Assert.Contains("PASS  dock key", output, StringComparison.Ordinal);
        Assert.Contains("PASS  cloud", output, StringComparison.Ordinal);
        Assert.Contains("s from the cloud", output, StringComparison.Ordinal);
        Assert.Contains("FAIL  slot map", output, StringComparison.Ordinal);
        Assert.Contains("fix: dockctl slots learn", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL  MQTT broker: 127.0.0.1:{closedPort}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("init")]
    [InlineData("enroll")]
    [InlineData("slots")]
    [InlineData("doctor")]
    public void Every_command_has_help(string command)
    {
        var (code, output) = Dockctl(command, "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Dockctl(params string[] args) => Dockctl(new StringWriter(), args);

    private static (int Code, string Output) Dockctl(StringWriter output, params string[] args)
    {
        var root = new RootCommand("dockctl");
        foreach (var command in InstallerCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        var error = new StringWriter();
        var code = DockctlInvocation.Run(root, args, Synchronized(output), error);
        return (code, output + error.ToString());
    }

    /// <summary>The one synchronized writer over <paramref name="output"/>: dockctl writes through it while a test reads.</summary>
    private static TextWriter Synchronized(StringWriter output) => s_synchronized.GetValue(output, TextWriter.Synchronized);

    /// <summary>What dockctl wrote so far, read under the synchronized writer's lock (a StringBuilder read mid-append throws).</summary>
    private static string Snapshot(StringWriter output)
    {
        var writer = Synchronized(output);
        lock (writer)
        {
            return output.ToString();
        }
    }

    private static async Task WaitForAsync(StringWriter output, string text)
    {
        for (var i = 0; i < 400 && !Snapshot(output).Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(25);
        }

        Assert.Contains(text, Snapshot(output), StringComparison.Ordinal);
    }

    private static int FreePort() => LoopbackPort.Free();

    /// <summary>A real HTTP server on 127.0.0.1 standing in for the cloud's enrolment endpoint.</summary>
    private sealed class FakeCloud : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        public FakeCloud(HttpStatusCode status, string answer)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _serving = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    using (var reader = new StreamReader(context.Request.InputStream))
                    {
                        Bodies.Add(await reader.ReadToEndAsync());
                    }

                    Paths.Add(context.Request.Url!.AbsolutePath);
                    context.Response.StatusCode = (int)status;
                    var bytes = Encoding.UTF8.GetBytes(answer);
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentBag<string> Bodies { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<string> Paths { get; } = [];

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
