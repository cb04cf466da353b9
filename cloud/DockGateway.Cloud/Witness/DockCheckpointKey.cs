using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.DockAuth;
using DockGateway.Shared.Notes;

namespace DockGateway.Cloud.Witness;

/// <summary>A dock signs its checkpoints with its enrolled Ed25519 key under the key name = its origin.</summary>
public static class DockCheckpointKey
{
    private const byte Ed25519Type = 0x01;

    /// <summary>The C2SP verifier key string <c>origin+keyid+base64(0x01 ‖ key)</c> of the dock.</summary>
    public static string VerifierKey(DockIdentity dock)
    {
        var name = Encoding.UTF8.GetBytes(dock.Origin);
        var keyIdInput = new byte[name.Length + 2 + dock.PublicKey.Length];
        name.CopyTo(keyIdInput, 0);
        keyIdInput[name.Length] = 0x0A;
        keyIdInput[name.Length + 1] = Ed25519Type;
        dock.PublicKey.CopyTo(keyIdInput, name.Length + 2);
        var keyId = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(keyIdInput));
        return $"{dock.Origin}+{keyId:x8}+{Convert.ToBase64String([Ed25519Type, .. dock.PublicKey])}";
    }

    public static NoteVerifier Verifier(DockIdentity dock) => NoteVerifier.Parse(VerifierKey(dock));
}
