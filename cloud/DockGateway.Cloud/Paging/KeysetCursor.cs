using System.Buffers.Text;
using System.Globalization;
using System.Text;
using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Paging;

/// <summary>
/// Where a keyset-paged list's page ends: the last row's (time in Unix milliseconds, id), the list's sort key
/// (the alert list: received at, alert id; the overdue list: away since, serial). Sent to callers as opaque
/// base64url so they pass it back unchanged in <c>after</c>.
/// </summary>
public readonly record struct KeysetCursor(long TimeMs, string Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{TimeMs}:{Id}")));

    /// <summary>The <c>after</c> query parameter: null when absent; a value this API did not give adds an <c>after</c> error.</summary>
    public static KeysetCursor? Parse(string? after, FieldErrors errors)
    {
        if (after is null)
        {
            return null;
        }

        if (TryParse(after, out var cursor))
        {
            return cursor;
        }

        errors.Add("after", "must be the 'next' value of a previous page, unchanged");
        return null;
    }

    public static bool TryParse(string text, out KeysetCursor cursor)
    {
        cursor = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        var plain = Encoding.UTF8.GetString(bytes);
        var colon = plain.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == plain.Length - 1
            || !long.TryParse(plain.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        cursor = new KeysetCursor(ms, plain[(colon + 1)..]);
        return true;
    }
}
