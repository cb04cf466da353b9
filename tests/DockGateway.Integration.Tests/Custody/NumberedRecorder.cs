using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// A simulated recorder in one slot whose files are consecutively numbered (DCIM/101REC/REC_…_0001.MP4 …)
/// and written in a shuffled order, so the volume's directory order is not their numeric order.
/// </summary>
public sealed class NumberedRecorder(string slotDirectory, string serial)
{
    public const string Folder = "DCIM/101REC";

    public string Serial { get; } = serial;

    /// <summary>Every file ever put on it: path on the volume → SHA-256.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public string Volume => Path.Combine(slotDirectory, "volume", Folder);

    public static string PathOf(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Folder}/REC_{new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc).AddMinutes(3 * number):yyyyMMdd_HHmmss}_{number:D4}.MP4");

    /// <summary>Writes files with these numbers, in a shuffled order, with random content of about <paramref name="bytes"/> bytes.</summary>
    public void Add(IEnumerable<int> numbers, Random random, int bytes)
    {
        Directory.CreateDirectory(Volume);
        var shuffled = numbers.ToArray();
        random.Shuffle(shuffled);
        foreach (var number in shuffled)
        {
            var content = new byte[bytes + random.Next(0, 4096)];
            random.NextBytes(content);
            File.WriteAllBytes(Path.Combine(slotDirectory, "volume", PathOf(number)), content);
            Files[PathOf(number)] = Convert.ToHexStringLower(SHA256.HashData(content));
        }
    }

    /// <summary>The file names in the order the volume's directory lists them (the order the dock reads them in).</summary>
    public IReadOnlyList<string> DirectoryOrder() => Directory.EnumerateFiles(Volume).Select(f => Path.GetFileName(f)).ToList();

    public int FilesLeft => Directory.Exists(Volume) ? Directory.GetFiles(Volume).Length : 0;

    public void Insert()
    {
        var json = Path.Combine(slotDirectory, "recorder.json");
        File.WriteAllText(json + ".tmp", JsonSerializer.Serialize(new { serial = Serial, vendor = "GapTest", model = "GT-1" }));
        File.Move(json + ".tmp", json);
    }

    public void Remove() => File.Delete(Path.Combine(slotDirectory, "recorder.json"));

    /// <summary>The slot's state.json: state and how many files are done.</summary>
    public (string? State, int Done) Slot()
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(slotDirectory, "state.json")));
            var root = doc.RootElement;
            return (root.GetProperty("state").GetString(), root.TryGetProperty("done", out var done) ? done.GetInt32() : 0);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return (null, 0);
        }
    }

    public void WaitFor(Func<(string? State, int Done), bool> condition, string what, DockProcess dock, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition(Slot()))
        {
            Assert.False(dock.HasExited, $"the dock exited while waiting for {what}:\n{dock.Tail}");
            Assert.True(DateTime.UtcNow < deadline, $"slot never reached {what} (now {Slot()}):\n{dock.Tail}");
            Thread.Sleep(5);
        }
    }
}
