using System.Text;

namespace DockGateway.Device.Ingest;

/// <summary>
/// A path inside a recorder volume, kept as the raw bytes the file system gave us (names may not be
/// UTF-8). <see cref="Display"/> is the UTF-8 text when the bytes are valid UTF-8, otherwise a
/// percent-encoded form (<see cref="IsUtf8"/> false): '%' and every byte outside printable ASCII as %XX.
/// </summary>
public sealed class VolumePath
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    public VolumePath(byte[] bytes)
    {
        Bytes = bytes;
        try
        {
            Display = s_strict.GetString(bytes);
            IsUtf8 = true;
        }
        catch (DecoderFallbackException)
        {
            Display = PercentEncode(bytes);
            IsUtf8 = false;
        }
    }

    /// <summary>Relative path bytes, segments joined by '/'.</summary>
    public byte[] Bytes { get; }

    public string Display { get; }

    public bool IsUtf8 { get; }

    /// <summary>The custody entries' <c>path_encoding</c>: null for UTF-8 text, <see cref="Shared.Custody.CustodyEntry.PercentEncoding"/> otherwise.</summary>
    public string? EntryEncoding => IsUtf8 ? null : Shared.Custody.CustodyEntry.PercentEncoding;

    /// <summary>The last segment, as displayed.</summary>
    public string FileName => Display[(Display.LastIndexOf('/') + 1)..];

    /// <summary>The extension of the last segment, lower case, without the dot ("" when none).</summary>
    public string Extension
    {
        get
        {
            var name = FileName;
            var dot = name.LastIndexOf('.');
            return dot <= 0 ? string.Empty : name[(dot + 1)..].ToLowerInvariant();
        }
    }

    public IEnumerable<byte[]> Segments()
    {
        var start = 0;
        for (var i = 0; i <= Bytes.Length; i++)
        {
            if (i == Bytes.Length || Bytes[i] == (byte)'/')
            {
                yield return Bytes[start..i];
                start = i + 1;
            }
        }
    }

    public VolumePath Child(ReadOnlySpan<byte> name)
    {
        if (Bytes.Length == 0)
        {
            return new VolumePath(name.ToArray());
        }

        var bytes = new byte[Bytes.Length + 1 + name.Length];
        Bytes.CopyTo(bytes, 0);
        bytes[Bytes.Length] = (byte)'/';
        name.CopyTo(bytes.AsSpan(Bytes.Length + 1));
        return new VolumePath(bytes);
    }

    public override string ToString() => Display;

    public static string PercentEncode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            if (b is > 0x20 and < 0x7F && b != (byte)'%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
