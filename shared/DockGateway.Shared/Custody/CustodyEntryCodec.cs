using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DockGateway.Shared.Json;

namespace DockGateway.Shared.Custody;

/// <summary>
/// The one place custody entries become bytes and bytes become entries. Encoding gives the RFC 8785 canonical
/// form (<see cref="CanonicalJson"/>), which is the Merkle leaf. Decoding is strict: an unknown type, a missing,
/// unknown or mistyped field, or bytes that would not re-encode to themselves are a
/// <see cref="CustodyEntryFormatException"/> naming the field and line, so a decoded entry always re-encodes
/// byte for byte and nothing in a leaf is silently dropped.
/// </summary>
public static class CustodyEntryCodec
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly FrozenDictionary<Type, string> s_names = s_options.GetTypeInfo(typeof(CustodyEntry)).PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>The <c>"type"</c> of an entry record.</summary>
    public static string TypeName(CustodyEntry entry) => TypeName(entry.GetType());

    /// <summary>The <c>"type"</c> of entries of record type <typeparamref name="T"/>.</summary>
    public static string TypeName<T>() where T : CustodyEntry => TypeName(typeof(T));

    /// <summary>The canonical UTF-8 bytes of <paramref name="entry"/>.</summary>
    public static byte[] Encode(CustodyEntry entry) =>
        CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(entry, s_options));

    /// <summary>Reads one entry; <paramref name="line"/> (the leaf index) only names where the bytes came from in errors.</summary>
    /// <exception cref="CustodyEntryFormatException">The bytes are not a custody entry in the form <see cref="Encode"/> writes.</exception>
    public static CustodyEntry Decode(ReadOnlySpan<byte> json, long? line = null)
    {
        CustodyEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<CustodyEntry>(json, s_options);
        }
        catch (JsonException e)
        {
            throw Problem(line, FieldOf(e), Detail(e), e);
        }
        catch (NotSupportedException e)
        {
            throw Problem(line, "type", "is missing: a custody entry needs a string \"type\"", e);
        }

        if (entry is null)
        {
            throw Problem(line, null, "is null, not a JSON object");
        }

        if (!Encode(entry).AsSpan().SequenceEqual(json))
        {
            throw Problem(line, null, "is not RFC 8785 canonical JSON as the codec writes it (no null members): it would not re-encode to the same bytes");
        }

        return entry;
    }

    /// <summary>As <see cref="Decode"/>, with the reason instead of an exception.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> json, long? line, out CustodyEntry? entry, out string? problem)
    {
        try
        {
            entry = Decode(json, line);
            problem = null;
            return true;
        }
        catch (CustodyEntryFormatException e)
        {
            entry = null;
            problem = e.Message;
            return false;
        }
    }

    private static string TypeName(Type type) =>
        s_names.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type.Name} is not a custody entry record registered on CustodyEntry", nameof(type));

    private static CustodyEntryFormatException Problem(long? line, string? field, string detail, Exception? inner = null)
    {
        var where = line is { } n ? $"custody entry at line {n}" : "custody entry";
        var what = field is null ? where : $"{where}: field \"{field}\"";
        return new CustodyEntryFormatException($"{what} {detail}", field, line, inner);
    }

    private static string? FieldOf(JsonException e)
    {
        if (e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal))
        {
            return path[2..].Trim('[', ']', '\'');
        }

        return e.Message.Contains("type discriminator", StringComparison.OrdinalIgnoreCase) ? "type" : null;
    }

    private static string Detail(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return "is wrong: " + (cut >= 0 ? message[..cut] : message);
    }
}
