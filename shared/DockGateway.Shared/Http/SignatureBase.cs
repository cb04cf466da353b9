using System.Globalization;
using System.Text;

namespace DockGateway.Shared.Http;

/// <summary>
/// RFC 9421 §2.5 signature bases. DockGateway signs <c>"@method" "@target-uri" "content-digest"</c>,
/// then each of the tus header fields <see cref="TusFields"/> the request carries (a tus header changed
/// in flight would otherwise go unnoticed); the general form is exposed so the RFC's own examples can be checked.
/// </summary>
public static class SignatureBase
{
    /// <summary>The components DockGateway always covers, first and in this order.</summary>
    public static IReadOnlyList<string> CoveredComponents { get; } = ["@method", "@target-uri", "content-digest"];

    /// <summary>
    /// The tus 1.0.0 request header fields (lower case, as RFC 9421 names them) that are covered whenever the
    /// request carries them, after <see cref="CoveredComponents"/> and in this order; a verifier refuses a
    /// request carrying one that is not covered.
    /// </summary>
    public static IReadOnlyList<string> TusFields { get; } =
        ["tus-resumable", "upload-length", "upload-offset", "upload-metadata", "upload-checksum", "upload-defer-length", "upload-concat"];

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
        Build(method, targetUri, contentDigest, [], signatureParams);

    /// <summary>The signature base for DockGateway's three components followed by header fields (name in lower case, value).</summary>
    public static string Build(string method, string targetUri, string contentDigest, IEnumerable<(string Name, string Value)> fields, string signatureParams) =>
        Build(new[] { ("@method", method), ("@target-uri", targetUri), ("content-digest", contentDigest) }.Concat(fields), signatureParams);

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
