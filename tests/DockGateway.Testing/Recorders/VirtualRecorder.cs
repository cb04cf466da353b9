using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace DockGateway.Testing.Recorders;

/// <summary>
/// A simulated recorder: the sample footage plus generated files with recorder-like names, each
/// source file remembered (path, SHA-256, size) so the test can account for every one afterwards.
/// </summary>
public sealed class VirtualRecorder
{
    private readonly Dictionary<string, byte[]> _contents = new(StringComparer.Ordinal);

    private DateTime _time;
    private int _generated;

    private VirtualRecorder(string serial) => Serial = serial;

    public string Serial { get; }

    public Dictionary<string, (string Sha256, long Size)> Files { get; } = new(StringComparer.Ordinal);

    public static VirtualRecorder Create(string serial, Random random, int generatedFiles, int maxBytes)
    {
        var recorder = new VirtualRecorder(serial);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Footage).Where(f => !f.EndsWith("SHA256SUMS", StringComparison.Ordinal)))
        {
            recorder.Add($"DCIM/100MEDIA/{Path.GetFileName(file)}", File.ReadAllBytes(file));
        }

        recorder._time = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 600));
        foreach (var (path, content) in recorder.Generate(random, generatedFiles, maxBytes))
        {
            recorder.Add(path, content);
        }

        return recorder;
    }

    /// <summary>New footage recorded since (numbered on from the last file), written straight onto its volume in the slot.</summary>
    public void Record(string slotDirectory, Random random, int files, int maxBytes)
    {
        foreach (var (path, content) in Generate(random, files, maxBytes))
        {
            var full = Path.Combine(slotDirectory, "volume", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
            Files[path] = (Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);
        }
    }

    /// <summary>Fills the slot's volume, then writes recorder.json (renamed into place) to insert it.</summary>
    public void InsertInto(string slotDirectory)
    {
        var volume = Path.Combine(slotDirectory, "volume");
        foreach (var (path, _) in Files)
        {
            var full = Path.Combine(volume, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, _contents[path]);
        }

        _contents.Clear();
        var json = Path.Combine(slotDirectory, "recorder.json");
        File.WriteAllText(json + ".tmp", JsonSerializer.Serialize(new { serial = Serial, vendor = "KillTest", model = "KT-1" }));
        File.Move(json + ".tmp", json);
    }

    private IEnumerable<(string Path, byte[] Content)> Generate(Random random, int files, int maxBytes)
    {
        for (var i = 0; i < files; i++)
        {
            var content = new byte[random.Next(64 * 1024, maxBytes)];
            random.NextBytes(content);
            _time = _time.AddMinutes(3);
            _generated++;
            yield return (string.Create(CultureInfo.InvariantCulture, $"DCIM/101REC/REC_{_time:yyyyMMdd_HHmmss}_{_generated:D4}.MP4"), content);
        }
    }

    /// <summary>Adds a file (written onto the volume by <see cref="InsertInto"/>).</summary>
    public void Add(string path, byte[] content)
    {
        Files[path] = (Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);
        _contents[path] = content;
    }
}
