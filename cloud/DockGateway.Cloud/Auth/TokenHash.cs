using System.Security.Cryptography;
using System.Text;

namespace DockGateway.Cloud.Auth;

/// <summary>Bearer tokens: 32 random bytes, base64url, prefixed <c>dgw_</c>; stored only as SHA-256 hex.</summary>
public static class TokenHash
{
    public const string Prefix = "dgw_";

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sha256Hex(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
