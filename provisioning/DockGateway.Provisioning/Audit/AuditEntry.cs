using System.Globalization;
using System.Text;
using System.Text.Json;
using DockGateway.Shared.Custody;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// One line of a bundle's <c>entries.jsonl</c>: the exact leaf bytes and the fields the verifier
/// reads from them. Unknown fields are kept for the report; the bytes are never re-serialised.
/// </summary>
public sealed class AuditEntry
{
    public const string Ingested = CustodyEntryTypes.Ingested;
    public const string Erased = CustodyEntryTypes.Erased;
    public const string Reconciled = CustodyEntryTypes.Reconciled;
    public const string Duplicate = CustodyEntryTypes.Duplicate;
    public const string LateType = CustodyEntryTypes.Late;
    public const string Gap = CustodyEntryTypes.Gap;
    public const string Error = CustodyEntryTypes.Error;
    public const string Refused = CustodyEntryTypes.Refused;

    private readonly Dictionary<string, string> _fields;

    private AuditEntry(long index, byte[] bytes, Dictionary<string, string> fields)
    {
        Index = index;
        Bytes = bytes;
        _fields = fields;
    }

    public long Index { get; }

    /// <summary>The leaf bytes exactly as in entries.jsonl, without the line feed.</summary>
    public byte[] Bytes { get; }

    public string Type => Field("type") ?? string.Empty;

    public string? Sha256 => Field("sha256");

    public string? Recorder => Field("recorder");

    public string? Path => Field("path");

    /// <summary>Where the dock stored the copy, relative to its footage directory.</summary>
    public string? Stored => Field("stored");

    public long? Size => long.TryParse(Field("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;

    public bool Late => Field("late") == "true";

    public string? Field(string name) => _fields.GetValueOrDefault(name);

    /// <summary>
    /// Reads the top-level members of a JSON object line. Returns null with a reason when the line
    /// is not a JSON object with a string <c>type</c>.
    /// </summary>
    public static AuditEntry? TryParse(long index, byte[] bytes, out string? problem)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"is a JSON {doc.RootElement.ValueKind}, not an object";
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in doc.RootElement.EnumerateObject())
            {
                fields[member.Name] = member.Value.ValueKind == JsonValueKind.String
                    ? member.Value.GetString() ?? string.Empty
                    : member.Value.GetRawText();
            }

            if (doc.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                problem = null;
                return new AuditEntry(index, bytes, fields);
            }

            problem = "has no string field \"type\"";
            return null;
        }
        catch (JsonException e)
        {
            problem = $"is not valid JSON ({e.Message})";
            return null;
        }
    }

    /// <summary>A one-line description for reports: type, then the fields that identify the event.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Type);
        foreach (var (name, value) in _fields.Where(f => f.Key != "type").OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $" {name}={value}");
        }

        return text.ToString();
    }
}
