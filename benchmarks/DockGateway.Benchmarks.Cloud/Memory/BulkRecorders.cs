using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using DockGateway.Testing;

namespace DockGateway.Benchmarks.Cloud.Memory;

/// <summary>
/// One ingest's worth of simulated recorders: <c>files</c> MP4 files of 64-256 KiB spread over
/// <c>slots</c> recorders, named with the recorder's sequence numbers. Each is the sample MP4
/// (tests/fixtures/footage: ftyp, mdat, moov, read by the dock's metadata reader as a real recording)
/// followed by a <c>free</c> box of random bytes, so every file is distinct (none is a duplicate, every
/// one is uploaded) and still a well-formed MP4. Written before the recorders are inserted.
/// </summary>
internal sealed class BulkRecorders(string simulationRoot, string label, int slots, int files)
{
    private const int MinBytes = 64 * 1024;
    private const int MaxBytes = 256 * 1024;

    public long Bytes { get; private set; }

    /// <summary>Writes every recorder's files into its slot's volume (the dock does not look until recorder.json appears).</summary>
    public void Fill()
    {
        var sample = File.ReadAllBytes(Path.Combine(RepoPaths.Footage, "REC_20261120_083012_0001.MP4"));
        var buffer = new byte[MaxBytes];
        sample.CopyTo(buffer, 0);
        for (var slot = 1; slot <= slots; slot++)
        {
            var folder = Path.Combine(Slot(slot), "volume", "DCIM", "100MEDIA");
            Directory.CreateDirectory(folder);
            var count = (files / slots) + (slot <= files % slots ? 1 : 0);
            for (var i = 1; i <= count; i++)
            {
                var length = Random.Shared.Next(MinBytes, MaxBytes + 1);
                BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(sample.Length), length - sample.Length);
                "free"u8.CopyTo(buffer.AsSpan(sample.Length + 4));
                RandomNumberGenerator.Fill(buffer.AsSpan(sample.Length + 8, length - sample.Length - 8));
                var time = new DateTime(2026, 11, 21, 6, 0, 0, DateTimeKind.Utc).AddSeconds(i * 30);
                File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"REC_{time:yyyyMMdd_HHmmss}_{i:D4}.MP4")), buffer.AsSpan(0, length));
                Bytes += length;
            }
        }
    }

    /// <summary>Inserts every recorder: recorder.json renamed into place in each slot.</summary>
    public void Insert()
    {
        for (var slot = 1; slot <= slots; slot++)
        {
            var json = Path.Combine(Slot(slot), "recorder.json");
            File.WriteAllText(json + ".tmp", $$"""{"serial":"{{Serial(slot)}}","vendor":"Bench","model":"MB-1"}""");
            File.Move(json + ".tmp", json);
        }
    }

    /// <summary>Unplugs every recorder (recorder.json and the emptied volume removed).</summary>
    public void Remove()
    {
        for (var slot = 1; slot <= slots; slot++)
        {
            File.Delete(Path.Combine(Slot(slot), "recorder.json"));
            var volume = Path.Combine(Slot(slot), "volume");
            if (Directory.Exists(volume))
            {
                Directory.Delete(volume, recursive: true);
            }
        }
    }

    /// <summary>Slots whose state.json says done for this phase's recorder.</summary>
    public int SlotsDone() => Enumerable.Range(1, slots).Count(s => SlotState(s) is ("done", var recorder) && recorder == Serial(s));

    /// <summary>Slots whose state.json says empty (the dock saw the recorder leave).</summary>
    public int SlotsEmpty() => Enumerable.Range(1, slots).Count(s => SlotState(s).State == "empty");

    public int SlotCount => slots;

    public string Serial(int slot) => string.Create(CultureInfo.InvariantCulture, $"MEM-{label}-{slot}");

    private string Slot(int slot) => Path.Combine(simulationRoot, "slots", slot.ToString(CultureInfo.InvariantCulture));

    private (string State, string Recorder) SlotState(int slot)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Slot(slot), "state.json")));
            var root = document.RootElement;
            return (root.GetProperty("state").GetString() ?? string.Empty,
                root.TryGetProperty("recorder", out var recorder) ? recorder.GetString() ?? string.Empty : string.Empty);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return (string.Empty, string.Empty);
        }
    }
}
