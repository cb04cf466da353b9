using DockGateway.Device.Ingest;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

public class FileNamePatternsTests
{
    [Theory]
    [InlineData("REC_20261120_083012_0001.MP4", "2026-11-20T08:30:12Z", 1L)]
    [InlineData("IMG_20261120_091000.JPG", "2026-11-20T09:10:00Z", null)]
    [InlineData("AUD_20261120_091500.WAV", "2026-11-20T09:15:00Z", null)]
    [InlineData("VID-20261120-235959_0042.mov", "2026-11-20T23:59:59Z", 42L)]
    [InlineData("clip.mp4", null, null)]
    [InlineData("REC_20261399_083012_0001.MP4", null, 1L)]
    public void Names_give_a_utc_timestamp_and_a_sequence_number(string name, string? time, long? sequence)
    {
        Assert.Equal(time, FileNamePatterns.Timestamp(name)?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sequence, FileNamePatterns.SequenceNumber(name));
    }

    [Fact]
    public void Non_utf8_bytes_are_percent_encoded_and_utf8_names_kept()
    {
        Assert.Equal(("caf\u00e9.mp4", true), (new VolumePath("caf\u00e9.mp4"u8.ToArray()).Display, new VolumePath("caf\u00e9.mp4"u8.ToArray()).IsUtf8));
        var raw = new VolumePath([(byte)'a', 0xFF, (byte)'%', (byte)' ', (byte)'.', (byte)'m', (byte)'p', (byte)'4']);
        Assert.Equal(("a%FF%25%20.mp4", false, "mp4"), (raw.Display, raw.IsUtf8, raw.Extension));
    }
}
