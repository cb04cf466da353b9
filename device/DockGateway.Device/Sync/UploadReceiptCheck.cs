using DockGateway.Shared.Notes;
using DockGateway.Shared.Uploads;

namespace DockGateway.Device.Sync;

/// <summary>
/// Checks the cloud's receipt (a C2SP signed note holding an <see cref="UploadReceipt"/>) before the dock
/// believes it: signed by the configured receipt key, and naming this file's entry, SHA-256 and size.
/// Only a receipt that passes lets the file be logged <c>uploaded</c> and, later, deleted.
/// </summary>
public sealed class UploadReceiptCheck(string? receiptVerifierKey)
{
    private readonly NoteVerifier? _verifier = string.IsNullOrWhiteSpace(receiptVerifierKey) ? null : NoteVerifier.Parse(receiptVerifierKey);

    /// <summary>Why the receipt is not acceptable for <paramref name="item"/>, or null when it is.</summary>
    public string? Problem(string receipt, UploadItem item)
    {
        string text;
        try
        {
            text = _verifier is null ? SignedNote.Parse(receipt).Text : NoteVerification.Open(receipt, [_verifier]).Text;
        }
        catch (Exception ex) when (ex is FormatException or NoteVerificationException)
        {
            return $"the receipt does not verify against Sync:ReceiptKey: {ex.Message}";
        }

        UploadReceipt parsed;
        try
        {
            parsed = UploadReceiptCodec.Parse(text);
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }

        if (parsed.Sha256 != item.Sha256 || parsed.Size != item.Size || parsed.Entry != item.Entry)
        {
            return $"the receipt names sha256 {parsed.Sha256}, size {parsed.Size}, entry {parsed.Entry}; expected {item.Sha256}, {item.Size}, {item.Entry}";
        }

        return null;
    }
}
