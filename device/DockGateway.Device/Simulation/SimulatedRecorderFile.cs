using System.Text.Json;
using DockGateway.Device.Slots;

namespace DockGateway.Device.Simulation;

/// <summary>
/// Reads <c>slots/&lt;n&gt;/recorder.json</c>: <c>{"serial":"…","vendor":"…","model":"…"}</c>, optionally
/// <c>"read_only":true</c> for a write-protected card and <c>"registered":false</c> for a recorder not
/// registered to this agency. A missing or empty serial means "not a recorder".
/// </summary>
public static class SimulatedRecorderFile
{
    /// <summary>The identity, or null with <paramref name="problem"/> saying why the file is not acceptable.</summary>
    public static RecorderIdentity? Read(string path, out bool readOnly, out string? problem)
    {
        readOnly = false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"{path} is not a JSON object";
                return null;
            }

            var serial = Text(root, "serial");
            readOnly = root.TryGetProperty("read_only", out var ro) && ro.ValueKind == JsonValueKind.True;
            if (string.IsNullOrWhiteSpace(serial))
            {
                problem = $"{path} has no \"serial\": not a recorder";
                return null;
            }

            problem = null;
            var registered = !(root.TryGetProperty("registered", out var reg) && reg.ValueKind == JsonValueKind.False);
            return new RecorderIdentity(serial, Text(root, "vendor") ?? "unknown", Text(root, "model") ?? "unknown", registered);
        }
        catch (JsonException e)
        {
            problem = $"{path} is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
