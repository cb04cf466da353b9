using System.Text.RegularExpressions;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Reads the sha-256 member of an RFC 9530 <c>Content-Digest</c> dictionary.</summary>
public static partial class ContentDigestValue
{
    public static bool TryParseSha256(string header, out byte[] sha256)
    {
        sha256 = [];
        var match = Sha256Member().Match(header);
        if (!match.Success)
        {
            return false;
        }
        try
        {
            sha256 = Convert.FromBase64String(match.Groups[1].Value);
        }
        catch (FormatException)
        {
            return false;
        }
        return sha256.Length == 32;
    }

    [GeneratedRegex(@"(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]*):\s*(?:,|$)")]
    private static partial Regex Sha256Member();
}
