using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Testing;

namespace DockGateway.Benchmarks.Cloud.Latency;

/// <summary>
/// A simulated recorder holding the four sample files (tests/fixtures/footage), inserted the way the
/// simulation contract says: files under <c>slots/&lt;n&gt;/volume/</c>, then <c>recorder.json</c>
/// written to a temporary name and renamed into place.
/// </summary>
internal sealed class SampleRecorder
{
    private readonly Dictionary<string, string> _sources;

    public SampleRecorder(string serial)
    {
        Serial = serial;
        _sources = Directory.EnumerateFiles(RepoPaths.Footage)
            .Where(f => !f.EndsWith("SHA256SUMS", StringComparison.Ordinal))
            .ToDictionary(f => $"DCIM/100MEDIA/{Path.GetFileName(f)}", f => f, StringComparer.Ordinal);
        Sha256 = _sources.Values.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToHashSet(StringComparer.Ordinal);
    }

    public string Serial { get; }

    /// <summary>The SHA-256 of every file (lower-case hex), as the dock logs and the cloud stores them.</summary>
    public IReadOnlySet<string> Sha256 { get; }

    public long Bytes => _sources.Values.Sum(f => new FileInfo(f).Length);

    /// <summary>Copies the files onto the slot's volume (not timed).</summary>
    public void FillVolume(string slotDirectory)
    {
        foreach (var (path, source) in _sources)
        {
            var target = Path.Combine(slotDirectory, "volume", path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }

    /// <summary>Inserts the recorder: recorder.json renamed into place. The clock starts when this returns.</summary>
    public void Insert(string slotDirectory)
    {
        var json = Path.Combine(slotDirectory, "recorder.json");
        File.WriteAllText(json + ".tmp", JsonSerializer.Serialize(new { serial = Serial, vendor = "Bench", model = "LB-1" }));
        File.Move(json + ".tmp", json);
    }
}
