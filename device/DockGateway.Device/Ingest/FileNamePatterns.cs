using System.Globalization;
using System.Text.RegularExpressions;

namespace DockGateway.Device.Ingest;

/// <summary>
/// What recorder file names tell: a timestamp (REC_20261120_083012_0001.MP4, IMG_20261120_091000.JPG,
/// AUD_…; taken as UTC, recorders are set to UTC) and a sequence number (the 4-digit "_0001" suffix).
/// </summary>
public static partial class FileNamePatterns
{
    public static DateTimeOffset? Timestamp(string fileName)
    {
        var match = TimestampPattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        var text = match.Groups["date"].Value + match.Groups["time"].Value;
        return DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : null;
    }

    public static long? SequenceNumber(string fileName)
    {
        var match = SequencePattern().Match(fileName);
        return match.Success ? long.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(?<![0-9])(?<date>(19|20)[0-9]{6})[_\-T]?(?<time>[0-9]{6})(?![0-9])")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"_(?<seq>[0-9]{4})\.[A-Za-z0-9]+$")]
    private static partial Regex SequencePattern();
}
