using DockGateway.Shared.Custody;

namespace DockGateway.Device.Custody;

/// <summary>
/// One committed custody log entry: its leaf index, type name (the <c>entries.type</c> column), exact canonical JSON
/// bytes and leaf hash. <see cref="Entry"/> is the typed entry: the one just committed, or decoded once from the bytes.
/// </summary>
public sealed record CustodyRecord(long Index, string Type, byte[] Json, byte[] LeafHash)
{
    private CustodyEntry? _entry;

    /// <summary>A record of an entry just encoded to <paramref name="json"/>.</summary>
    public CustodyRecord(long index, CustodyEntry entry, byte[] json, byte[] leafHash)
        : this(index, CustodyEntryCodec.TypeName(entry), json, leafHash) => _entry = entry;

    /// <exception cref="CustodyEntryFormatException">The stored bytes are not an entry this dock reads.</exception>
    public CustodyEntry Entry => _entry ??= CustodyEntryCodec.Decode(Json, Index);

    /// <summary>The typed entry when the bytes are one of type <typeparamref name="T"/>; otherwise false, with the codec's reason when they are unreadable.</summary>
    public bool TryGetEntry<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? entry, out string? problem) where T : CustodyEntry
    {
        try
        {
            entry = Entry as T;
            problem = null;
        }
        catch (CustodyEntryFormatException e)
        {
            entry = null;
            problem = e.Message;
        }

        return entry is not null;
    }

    public string JsonText => System.Text.Encoding.UTF8.GetString(Json);
}
