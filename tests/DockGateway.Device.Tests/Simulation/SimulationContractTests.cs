using DockGateway.Shared.Storage;
using System.Text.Json;
using DockGateway.Device.Custody;
using DockGateway.Device.Ingest;
using DockGateway.Device.Tests.Support;
using DockGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DockGateway.Device.Tests.Simulation;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
/// <summary>The simulation contract end to end, with the real host: folders in, state.json and stored footage out.</summary>
public sealed class SimulationContractTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-sim-").FullName;
    private readonly IngestHooks _hooks = new();
    private IHost? _host;

    private string Sim => Path.Combine(_root, "sim");

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dock:DataDirectory"] = Data,
            ["Dock:Simulation:Root"] = Sim,
            ["Dock:Simulation:PollInterval"] = "00:00:00.050",
            ["Dock:MinFreeBytes"] = "0",
            ["Dock:CopyBufferBytes"] = "4096",
        });
        builder.Services.AddSingleton(_hooks);
        builder.Services.AddDockServices(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host!.StopAsync();
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Inserted_recorder_is_ingested_wiped_and_reported_done_in_state_json()
    {
        var volume = Insert(1, """{"serial":"BC-1001","vendor":"Acme","model":"BW-1"}""");

        var state = await WaitForState(1, "done");

        Assert.Equal(("BC-1001", 4, 4, 0), (state.GetProperty("recorder").GetString(), state.GetProperty("files").GetInt32(), state.GetProperty("done").GetInt32(), state.GetProperty("errors").GetInt32()));
        Assert.False(string.IsNullOrEmpty(state.GetProperty("message").GetString()));
        Assert.Empty(Directory.EnumerateFiles(volume, "*", SearchOption.AllDirectories));
        var stored = Directory.GetFiles(Path.Combine(Data, "footage"), "*", SearchOption.AllDirectories).Select(TestDock.Sha256).Order();
        Assert.Equal(TestDock.FixtureHashes().Values.Order(), stored);
        Assert.True(File.Exists(Path.Combine(Data, "dock.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Data, "dock.key")));
        Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(Path.Combine(Data, "footage")));

        File.Delete(Path.Combine(Sim, "slots", "1", "recorder.json"));
        await WaitForState(1, "empty");
        var last = await WaitForLastEntry("removed");

        Assert.True(last.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Something_without_a_serial_is_refused_and_left_untouched()
    {
        var volume = Insert(2, """{"vendor":"SanDisk","model":"Cruzer"}""");

        var state = await WaitForState(2, "refused");

        Assert.Contains("serial", state.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(volume).Length);
    }

    [Fact]
    public async Task A_recorder_pulled_out_mid_ingest_keeps_its_files_the_slot_empties_and_reinsertion_finishes()
    {
        var pulled = 0;
        _hooks.AfterChunkCancellable = (_, _, ingest) =>
        {
            if (Interlocked.Exchange(ref pulled, 1) == 0)
            {
                File.Delete(Path.Combine(Sim, "slots", "3", "recorder.json"));
                ingest.WaitHandle.WaitOne(TimeSpan.FromSeconds(20)); // until the slot source noticed and cancelled the ingest
            }
        };
        var volume = Insert(3, """{"serial":"BC-3003","vendor":"Acme","model":"BW-1"}""");

        await WaitForState(3, "empty");
        var removed = await WaitForLastEntry("removed");
        Assert.False(removed.GetProperty("complete").GetBoolean());
        Assert.Equal(4, Directory.GetFiles(volume).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(Data, "incoming")));

        File.WriteAllText(Path.Combine(Sim, "slots", "3", "recorder.json"), """{"serial":"BC-3003","vendor":"Acme","model":"BW-1"}""");
        await WaitForState(3, "done");
        Assert.Empty(Directory.GetFiles(volume));
    }

    [Fact]
    public async Task A_slot_folder_vanishing_mid_ingest_is_a_removal_not_a_string_of_errors()
    {
        var gone = 0;
        _hooks.AfterChunk = (_, _) =>
        {
            if (Interlocked.Exchange(ref gone, 1) == 0)
            {
                Directory.Delete(Path.Combine(Sim, "slots", "4"), recursive: true);
            }
        };
        Insert(4, """{"serial":"BC-4004","vendor":"Acme","model":"BW-1"}""");
        var log = _host!.Services.GetRequiredService<CustodyLog>();

        var types = new List<string>();
        for (var i = 0; i < 200 && !types.Contains("removed"); i++)
        {
            await Task.Delay(50);
            types = log.Entries(0, log.Size).Select(r => r.Type).ToList();
        }

        Assert.True(types.SequenceEqual(["inserted", "removed"]), string.Join("\n", log.Entries(0, log.Size).Select(r => r.JsonText)));
    }

    private string Insert(int slot, string recorderJson)
    {
        var directory = Path.Combine(Sim, "slots", slot.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var volume = Path.Combine(directory, "volume");
        TestDock.AddFixtures(volume);
        File.WriteAllText(Path.Combine(directory, "recorder.json.tmp"), recorderJson);
        File.Move(Path.Combine(directory, "recorder.json.tmp"), Path.Combine(directory, "recorder.json"));
        return volume;
    }

    /// <summary>
    /// The slot shows empty at once and logs the removal only once its ingest has ended and discarded its temporary
    /// copy (SlotSupervisor.StopAsync): waits for the log's last entry to be of <paramref name="type"/>.
    /// </summary>
    private async Task<JsonElement> WaitForLastEntry(string type)
    {
        var log = _host!.Services.GetRequiredService<CustodyLog>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement last;
        while ((last = JsonDocument.Parse(log.Entries(log.Size - 1, log.Size)[0].Json).RootElement).GetProperty("type").GetString() != type
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(type, last.GetProperty("type").GetString());
        return last;
    }

    private async Task<JsonElement> WaitForState(int slot, string wanted)
    {
        var path = Path.Combine(Sim, "slots", slot.ToString(System.Globalization.CultureInfo.InvariantCulture), "state.json");
        var last = "(no state.json)";
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(path))
            {
                last = await File.ReadAllTextAsync(path);
                var state = JsonDocument.Parse(last).RootElement;
                if (state.GetProperty("state").GetString() == wanted)
                {
                    return state;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"slot {slot} never reached '{wanted}'; last state: {last}");
    }
}
