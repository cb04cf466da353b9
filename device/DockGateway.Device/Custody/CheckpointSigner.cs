using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Custody;

/// <summary>Signs C2SP tlog-checkpoint bodies as signed notes with the dock's key; key name = origin.</summary>
public sealed class CheckpointSigner(string origin, Ed25519PrivateKey key)
{
    private readonly NoteSigner _signer = new(origin, key);

    /// <summary>The service's signer: the dock key under Dock:Origin.</summary>
    public CheckpointSigner(IOptions<DockOptions> options, Ed25519PrivateKey key)
        : this(options.Value.EffectiveOrigin, key)
    {
    }

    public string Origin { get; } = origin;

    /// <summary>The dock's verifier key string, <c>origin+keyid+base64(0x01‖pubkey)</c>.</summary>
    public string VerifierKey => _signer.VerifierKey;

    public string Sign(long size, byte[] rootHash) =>
        _signer.SignNote(new Checkpoint(Origin, size, rootHash).ToBody()).ToString();
}
