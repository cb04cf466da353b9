using System.Globalization;
using System.Text;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// The tus <c>Upload-Metadata</c> a dock sends: <c>sha256</c> (hex), <c>size</c>, <c>entry</c>
/// (custody entry index), and optionally <c>filename</c> and <c>recorder</c>; each value base64.
/// </summary>
public sealed record UploadMetadata(string Sha256, long Size, long Entry, string? FileName, string? Recorder)
{
    /// <summary>Parses the header; on failure returns null and a message naming the key.</summary>
    public static UploadMetadata? TryParse(string? header, out string problem)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || !pairs.TryAdd(parts[0], ""))
            {
                problem = $"Upload-Metadata item '{item}' is not 'key base64value' or repeats a key.";
                return null;
            }
            if (parts.Length == 2)
            {
                try
                {
                    pairs[parts[0]] = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(parts[1]));
                }
                catch (Exception e) when (e is FormatException or DecoderFallbackException)
                {
                    problem = $"Upload-Metadata '{parts[0]}' is not base64 of UTF-8 text.";
                    return null;
                }
            }
        }

        if (!pairs.TryGetValue("sha256", out var sha256) || !Sha256Hex.IsValid(sha256))
        {
            problem = "Upload-Metadata 'sha256' must be the file's SHA-256 as 64 lower-case hex digits.";
            return null;
        }
        if (!TryNonNegative(pairs, "size", out var size) || !TryNonNegative(pairs, "entry", out var entry))
        {
            problem = $"Upload-Metadata '{(TryNonNegative(pairs, "size", out _) ? "entry" : "size")}' must be a non-negative decimal integer.";
            return null;
        }

        problem = "";
        return new UploadMetadata(sha256, size, entry, pairs.GetValueOrDefault("filename"), pairs.GetValueOrDefault("recorder"));
    }

    private static bool TryNonNegative(Dictionary<string, string> pairs, string key, out long value)
    {
        value = 0;
        return pairs.TryGetValue(key, out var text)
            && text.Length > 0 && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
