using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace DockGateway.Cloud.Uploads;

/// <summary>Parsing and formatting of tus header values.</summary>
public static class TusHeaders
{
    public static bool TryNonNegative(StringValues header, out long value)
    {
        value = 0;
        var text = header.ToString();
        return header.Count == 1 && text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses <c>Upload-Checksum: sha256 &lt;base64&gt;</c>. Returns false with a problem
    /// for a malformed value or another algorithm; true with null when the header is absent.</summary>
    public static bool TryChecksum(StringValues header, out byte[]? sha256, out string problem)
    {
        sha256 = null;
        problem = "";
        if (StringValues.IsNullOrEmpty(header))
        {
            return true;
        }
        var parts = header.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0] != TusProtocol.ChecksumAlgorithms)
        {
            problem = $"Upload-Checksum '{header}' must be 'sha256 <base64>'; the only supported algorithm is sha256.";
            return false;
        }
        try
        {
            sha256 = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            sha256 = null;
        }
        if (sha256 is not { Length: 32 })
        {
            problem = "Upload-Checksum's value must be the base64 of a 32-byte SHA-256.";
            sha256 = null;
            return false;
        }
        return true;
    }

    /// <summary>The receipt note as a header value (base64 of its UTF-8 text).</summary>
    public static string Receipt(string note) => Convert.ToBase64String(Encoding.UTF8.GetBytes(note));
}
