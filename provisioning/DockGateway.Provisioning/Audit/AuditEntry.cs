using System.Globalization;
using System.Text;
using System.Text.Json;
using DockGateway.Shared.Custody;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// One line of a bundle's <c>entries.jsonl</c>: the exact leaf bytes and the typed entry <see cref="CustodyEntryCodec"/>
/// read from them (which re-encodes to exactly these bytes). The bytes are what the Merkle tree covers.
/// </summary>
public sealed record AuditEntry(long Index, byte[] Bytes, CustodyEntry Entry)
{
    /// <summary>The entry's <c>"type"</c>.</summary>
    public string Type => CustodyEntryCodec.TypeName(Entry);

    /// <summary>The entry read from line <paramref name="index"/>, or null with the codec's reason (which names the field).</summary>
    public static AuditEntry? TryParse(long index, byte[] bytes, out string? problem) =>
        CustodyEntryCodec.TryDecode(bytes, index, out var entry, out problem) ? new AuditEntry(index, bytes, entry!) : null;

    /// <summary>
    /// A one-line description for reports, in the log's own words: the entry's type, then each field as
    /// <c>name=value</c> as written in the leaf (names in order, times as the dock wrote them).
    /// </summary>
    public string Describe()
    {
        using var json = JsonDocument.Parse(Bytes);
        var text = new StringBuilder(Type);
        foreach (var field in json.RootElement.EnumerateObject().Where(f => f.Name != "type").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var value = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : field.Value.GetRawText();
            text.Append(CultureInfo.InvariantCulture, $" {field.Name}={value}");
        }

        return text.ToString();
    }
}
