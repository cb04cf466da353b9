using System.Text.Json;

namespace DockGateway.Provisioning.Installer;

/// <summary>
/// <c>dockctl doctor --json</c>: a JSON array with one object per check, in the order they ran:
/// <c>{"check": name, "ok": true|false, "detail": what was seen, "fix": what to do, or null when ok}</c>.
/// The shape is stable for fleet tools; new checks may appear.
/// </summary>
public static class DoctorJson
{
    public static string Write(IEnumerable<DoctorCheck> checks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var check in checks)
            {
                json.WriteStartObject();
                json.WriteString("check", check.Name);
                json.WriteBoolean("ok", check.Passed);
                json.WriteString("detail", check.Detail);
                if (check.Passed || check.Fix is null)
                {
                    json.WriteNull("fix");
                }
                else
                {
                    json.WriteString("fix", check.Fix);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
