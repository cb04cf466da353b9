using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Testing;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// A simulated recorder: the sample footage plus generated files with recorder-like names, each
/// source file remembered (path, SHA-256, size) so the test can account for every one afterwards.
/// </summary>
public sealed class VirtualRecorder
{
    private readonly Dictionary<string, byte[]> _contents = new(StringComparer.Ordinal);

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

        var time = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 600));
        for (var i = 1; i <= generatedFiles; i++)
        {
            var content = new byte[random.Next(64 * 1024, maxBytes)];
            random.NextBytes(content);
            time = time.AddMinutes(3);
            recorder.Add(string.Create(CultureInfo.InvariantCulture, $"DCIM/101REC/REC_{time:yyyyMMdd_HHmmss}_{i:D4}.MP4"), content);
        }

        return recorder;
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

    private void Add(string path, byte[] content)
    {
        Files[path] = (Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);
        _contents[path] = content;
    }
}
