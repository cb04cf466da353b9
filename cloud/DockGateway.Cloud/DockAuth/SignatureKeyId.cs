using System.Text.RegularExpressions;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Finds the <c>keyid</c> parameter in a Signature-Input header, to look up the key
/// before the full verification (which re-parses the header strictly).</summary>
public static partial class SignatureKeyId
{
    public static string? Find(string signatureInput)
    {
        var match = KeyId().Match(signatureInput);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@";\s*keyid=""([^""\\]*)""")]
    private static partial Regex KeyId();
}
