namespace DockGateway.Shared.Http;

/// <summary>
/// The outcome of checking a request's RFC 9421 signature. When valid, <see cref="KeyId"/>,
/// <see cref="Created"/>, <see cref="Nonce"/> and <see cref="Signature"/> are what a replay cache
/// records; when not, <see cref="Error"/> says why.
/// </summary>
public sealed record HttpSignatureCheck(bool Valid, string? KeyId, long Created, string? Nonce, string? Error)
{
    /// <summary>The raw signature bytes (present once the headers parsed).</summary>
    public byte[]? Signature { get; init; }

    internal static HttpSignatureCheck Fail(string error, string? keyId = null, long created = 0, string? nonce = null) =>
        new(false, keyId, created, nonce, error);
}
