using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// The cloud's two Ed25519 keys, each in its own 0600 key file created on first start: the witness
/// cosigning key (C2SP tlog-cosignature) and the upload-receipt note key. Separate keys, so a
/// receipt can never be mistaken for a cosignature.
/// </summary>
public sealed class CloudSigningKeys : IDisposable
{
    private readonly Ed25519PrivateKey _witnessKey;
    private readonly Ed25519PrivateKey _receiptKey;

    public CloudSigningKeys(string witnessName, string witnessKeyFile, string receiptKeyFile)
    {
        _witnessKey = KeyFile.LoadOrCreate(witnessKeyFile);
        _receiptKey = KeyFile.LoadOrCreate(receiptKeyFile);
        Cosigner = new CosignatureSigner(witnessName, _witnessKey);
        ReceiptSigner = new NoteSigner(witnessName + "/receipts", _receiptKey);
    }

    public CosignatureSigner Cosigner { get; }

    public NoteSigner ReceiptSigner { get; }

    public void Dispose()
    {
        _witnessKey.Dispose();
        _receiptKey.Dispose();
    }
}
