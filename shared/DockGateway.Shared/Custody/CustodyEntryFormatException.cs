namespace DockGateway.Shared.Custody;

/// <summary>Bytes that are not a custody entry this codec reads; names the field (when one is at fault) and the line (when known).</summary>
public sealed class CustodyEntryFormatException(string message, string? field, long? line, Exception? inner = null)
    : FormatException(message, inner)
{
    /// <summary>The JSON member at fault (<c>type</c>, <c>size</c>…), or null when the whole entry is.</summary>
    public string? Field { get; } = field;

    /// <summary>The entry's line (0-based, = leaf index) when the caller gave it.</summary>
    public long? Line { get; } = line;
}
