using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// Where a page of the alert list ends: (received at in Unix milliseconds, id), the list's descending sort
/// key. Sent to callers as opaque base64url so they pass it back unchanged in <c>after</c>.
/// </summary>
public readonly record struct AlertCursor(long ReceivedAtMs, string Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ReceivedAtMs}:{Id}")));

    public static bool TryParse(string text, out AlertCursor cursor)
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
            || !long.TryParse(plain.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        cursor = new AlertCursor(ms, plain[(colon + 1)..]);
        return true;
    }
}
