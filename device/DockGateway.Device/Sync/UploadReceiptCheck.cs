using System.Globalization;
using DockGateway.Shared.Notes;

namespace DockGateway.Device.Sync;

/// <summary>
/// Checks the cloud's receipt (a C2SP signed note "dockgateway/upload-receipt/v1") before the dock
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

        var lines = text.Split('\n').ToDictionary(l => l.Split(' ')[0], l => l.Contains(' ', StringComparison.Ordinal) ? l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..] : string.Empty);
        if (!lines.ContainsKey("dockgateway/upload-receipt/v1"))
        {
            return "the receipt is not a dockgateway/upload-receipt/v1 note";
        }

        if (lines.GetValueOrDefault("sha256") != item.Sha256
            || lines.GetValueOrDefault("size") != item.Size.ToString(CultureInfo.InvariantCulture)
            || lines.GetValueOrDefault("entry") != item.Entry.ToString(CultureInfo.InvariantCulture))
        {
            return $"the receipt names sha256 {lines.GetValueOrDefault("sha256")}, size {lines.GetValueOrDefault("size")}, entry {lines.GetValueOrDefault("entry")}; expected {item.Sha256}, {item.Size}, {item.Entry}";
        }

        return null;
    }
}
