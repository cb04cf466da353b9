using System.Globalization;
using System.Text;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// What the cloud vouches for once a file's full SHA-256 matched: a C2SP signed note whose text is
/// <code>
/// dockgateway/upload-receipt/v1
/// dock &lt;dock id&gt;
/// upload &lt;upload id&gt;
/// entry &lt;custody entry index&gt;
/// sha256 &lt;hex&gt;
/// size &lt;bytes&gt;
/// received &lt;RFC 3339 UTC&gt;
/// duplicate &lt;true|false&gt;
/// </code>
/// signed by the cloud's receipt key (its verifier key is handed out at enrolment).
/// </summary>
public sealed record UploadReceipt(
    string DockId, string UploadId, long Entry, string Sha256, long Size, DateTimeOffset ReceivedAt, bool Duplicate)
{
    public const string Header = "dockgateway/upload-receipt/v1";

    public string ToNoteText()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("dock ").Append(DockId).Append('\n');
        text.Append("upload ").Append(UploadId).Append('\n');
        text.Append("entry ").Append(Entry.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("sha256 ").Append(Sha256).Append('\n');
        text.Append("size ").Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("received ").Append(ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("duplicate ").Append(Duplicate ? "true" : "false").Append('\n');
        return text.ToString();
    }

    public static UploadReceipt For(TusUpload upload) => new(
        upload.DockId, upload.Id, upload.Entry, upload.Sha256, upload.Length,
        upload.CompletedAt ?? throw new InvalidOperationException($"Upload {upload.Id} is not complete: no receipt."),
        upload.Duplicate);
}
