using System.Globalization;
using System.Text;

namespace DockGateway.Shared.Uploads;

/// <summary>
/// The text of an <see cref="UploadReceipt"/> note, the only code that writes or reads it:
/// <code>
/// dockgateway/upload-receipt/v1
/// dock &lt;dock id&gt;
/// upload &lt;upload id&gt;
/// entry &lt;custody entry index&gt;
/// sha256 &lt;hex&gt;
/// size &lt;bytes&gt;
/// received &lt;RFC 3339 UTC, seconds&gt;
/// duplicate &lt;true|false&gt;
/// </code>
/// </summary>
public static class UploadReceiptCodec
{
    public const string Header = "dockgateway/upload-receipt/v1";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private static readonly string[] s_fields = ["dock", "upload", "entry", "sha256", "size", "received", "duplicate"];

    public static string Format(UploadReceipt receipt)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        string[] values =
        [
            receipt.DockId, receipt.UploadId, receipt.Entry.ToString(CultureInfo.InvariantCulture), receipt.Sha256,
            receipt.Size.ToString(CultureInfo.InvariantCulture), receipt.ReceivedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            receipt.Duplicate ? "true" : "false",
        ];
        for (var i = 0; i < s_fields.Length; i++)
        {
            text.Append(s_fields[i]).Append(' ').Append(values[i]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a receipt note's text (without its signatures).</summary>
    /// <exception cref="FormatException">Not this format: names the line and the field at fault.</exception>
    public static UploadReceipt Parse(string text)
    {
        var lines = text.EndsWith('\n') ? text[..^1].Split('\n') : throw new FormatException("upload receipt: the text does not end with a newline");
        if (lines[0] != Header)
        {
            throw new FormatException($"upload receipt line 1: \"{Truncate(lines[0])}\" is not {Header}");
        }

        if (lines.Length != s_fields.Length + 1)
        {
            throw new FormatException($"upload receipt: {lines.Length} lines, expected {s_fields.Length + 1}");
        }

        var values = new string[s_fields.Length];
        for (var i = 0; i < s_fields.Length; i++)
        {
            var prefix = s_fields[i] + " ";
            if (!lines[i + 1].StartsWith(prefix, StringComparison.Ordinal) || lines[i + 1].Length == prefix.Length)
            {
                throw new FormatException($"upload receipt line {i + 2}: expected \"{s_fields[i]} <value>\", found \"{Truncate(lines[i + 1])}\"");
            }

            values[i] = lines[i + 1][prefix.Length..];
        }

        return new UploadReceipt(values[0], values[1], Number(values[2], 4, "entry"), values[3], Number(values[4], 6, "size"),
            DateTimeOffset.TryParseExact(values[5], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at : throw new FormatException($"upload receipt line 7: field \"received\" is not a UTC time {TimeFormat}"),
            values[6] switch
            {
                "true" => true,
                "false" => false,
                _ => throw new FormatException("upload receipt line 8: field \"duplicate\" is not true or false"),
            });
    }

    private static long Number(string value, int line, string field) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n.ToString(CultureInfo.InvariantCulture) == value
            ? n
            : throw new FormatException($"upload receipt line {line}: field \"{field}\" is not a decimal integer");

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
