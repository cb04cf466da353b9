using System.Globalization;
using System.Text;

namespace DockGateway.Shared.Http;

/// <summary>
/// RFC 9421 §2.5 signature bases. DockGateway signs <c>"@method" "@target-uri" "content-digest"</c>;
/// the general form is exposed so the RFC's own examples can be checked.
/// </summary>
public static class SignatureBase
{
    /// <summary>The components DockGateway covers, in order.</summary>
    public static IReadOnlyList<string> CoveredComponents { get; } = ["@method", "@target-uri", "content-digest"];

    public const string Algorithm = "ed25519";

    /// <summary>
    /// The Signature-Input member value (after <c>sig1=</c>):
    /// <c>("@method" "@target-uri" "content-digest");created=N;keyid="K";alg="ed25519"[;nonce="R"]</c>.
    /// </summary>
    public static string SignatureParams(long created, string keyId, string? nonce) =>
        SignatureParams(CoveredComponents, created, keyId, Algorithm, nonce);

    public static string SignatureParams(IEnumerable<string> components, long created, string keyId, string? algorithm, string? nonce)
    {
        var text = new StringBuilder("(")
            .AppendJoin(' ', components.Select(Quote))
            .Append(");created=").Append(created.ToString(CultureInfo.InvariantCulture))
            .Append(";keyid=").Append(Quote(keyId));
        if (algorithm is not null)
        {
            text.Append(";alg=").Append(Quote(algorithm));
        }

        if (nonce is not null)
        {
            text.Append(";nonce=").Append(Quote(nonce));
        }

        return text.ToString();
    }

    /// <summary>The signature base for DockGateway's three components.</summary>
    public static string Build(string method, string targetUri, string contentDigest, string signatureParams) =>
        Build([("@method", method), ("@target-uri", targetUri), ("content-digest", contentDigest)], signatureParams);

    /// <summary>
    /// One <c>"name": value</c> line per component, then <c>"@signature-params": params</c>,
    /// joined with newlines, no trailing newline. Field values are trimmed of outer white space.
    /// </summary>
    public static string Build(IEnumerable<(string Name, string Value)> components, string signatureParams)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in components)
        {
            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException($"component {name} contains a line break");
            }

            text.Append(Quote(name)).Append(": ").Append(value.Trim(' ', '\t')).Append('\n');
        }

        return text.Append("\"@signature-params\": ").Append(signatureParams).ToString();
    }

    /// <summary>An RFC 8941 sf-string: printable ASCII with <c>"</c> and <c>\</c> escaped.</summary>
    internal static string Quote(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new FormatException($"'{value}' cannot be a structured-field string: only printable ASCII is allowed");
            }
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
