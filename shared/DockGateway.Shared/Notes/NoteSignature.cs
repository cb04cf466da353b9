namespace DockGateway.Shared.Notes;

/// <summary>
/// One signature line of a signed note: the key name, the 4-byte key ID and the bytes after it
/// (for Ed25519 the 64-byte signature; for a cosignature the 8-byte timestamp then the 64-byte signature).
/// </summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    /// <summary>The signature line without its newline: <c>— name base64(keyID ‖ signature)</c>.</summary>
    public string ToLine()
    {
        var blob = new byte[4 + Signature.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob, KeyId);
        Signature.CopyTo(blob, 4);
        return $"\u2014 {KeyName} {Convert.ToBase64String(blob)}";
    }
}
