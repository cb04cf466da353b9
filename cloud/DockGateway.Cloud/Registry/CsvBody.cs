using System.Text;
using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// Reads a CSV import's body as strict UTF-8: a byte sequence that is not UTF-8 (a Latin-1 export,
/// say) is refused naming its line, rather than stored as U+FFFD.
/// </summary>
public static class CsvBody
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text; throws <see cref="CsvFormatException"/> naming the line of the first invalid byte.</summary>
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return s_strictUtf8.GetString(bytes[start..]);
        }
        catch (DecoderFallbackException ex)
        {
            var at = start + Math.Max(ex.Index, 0);
            var line = bytes[..Math.Min(at, bytes.Length)].Count((byte)'\n') + 1;
            throw new CsvFormatException(line, $"not UTF-8 (byte 0x{bytes[Math.Min(at, bytes.Length - 1)]:X2}); save the file as UTF-8");
        }
    }
}
