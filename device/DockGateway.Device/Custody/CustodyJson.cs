using System.Text.Json;
using System.Text.Json.Nodes;
using DockGateway.Shared.Json;

namespace DockGateway.Device.Custody;

/// <summary>
/// RFC 8785 canonical bytes of a custody entry (via <see cref="CanonicalJson"/>). Entries are flat
/// objects of strings, integers and booleans only, so every implementation agrees on their bytes.
/// </summary>
public static class CustodyJson
{
    public static byte[] Serialize(JsonObject entry)
    {
        foreach (var (name, value) in entry)
        {
            var kind = value?.GetValueKind();
            var integer = kind == JsonValueKind.Number && (value!.AsValue().TryGetValue<long>(out _) || value.AsValue().TryGetValue<int>(out _));
            if (kind is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False) && !integer)
            {
                throw new ArgumentException($"custody entry field \"{name}\" must be a string, integer or boolean", nameof(entry));
            }
        }

        return CanonicalJson.Serialize(entry);
    }
}
