using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// Where a page of the overdue list ends: (away-since in Unix milliseconds, serial), the list's sort key.
/// Sent to callers as opaque base64url so they pass it back unchanged in <c>after</c>.
/// </summary>
public readonly record struct OverdueCursor(long AwaySinceMs, string Serial)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{AwaySinceMs}:{Serial}")));

    public static bool TryParse(string text, out OverdueCursor cursor)
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

        cursor = new OverdueCursor(ms, plain[(colon + 1)..]);
        return true;
    }
}
