using System.Text;
using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Exports;

/// <summary>
/// Every CSV the API hands out: UTF-8 with a byte-order mark, so spreadsheet programs on Chinese Windows
/// read 深圳市公安局 instead of mojibake (RFC 4180 rows; fields made formula-safe by the writers).
/// </summary>
public static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding s_utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>A whole CSV document as the answer.</summary>
    public static IResult Of(string csv) =>
        Results.Bytes([.. s_utf8WithBom.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], ContentType);

    /// <summary>A writer for a CSV streamed into <paramref name="body"/>: its first bytes are the byte-order mark.</summary>
    public static StreamWriter Writer(Stream body) => new(body, s_utf8WithBom, 64 * 1024, leaveOpen: true);
}
