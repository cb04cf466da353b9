using DockGateway.Shared.Notes;
using DockGateway.Shared.Uploads;

namespace DockGateway.Cloud.Uploads;

/// <summary>Signs upload receipts as C2SP signed notes with the cloud's receipt key.</summary>
public sealed class UploadReceiptSigner(NoteSigner signer)
{
    /// <summary>The verifier key string docks use to check receipts.</summary>
    public string VerifierKey => signer.VerifierKey;

    /// <summary>The complete signed note (text, blank line, signature line).</summary>
    public string Sign(UploadReceipt receipt) => signer.SignNote(UploadReceiptCodec.Format(receipt)).ToString();
}
