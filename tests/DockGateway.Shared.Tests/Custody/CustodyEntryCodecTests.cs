using System.Text;
using DockGateway.Shared.Custody;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Shared.Tests.Custody;

public class CustodyEntryCodecTests
{
    private static readonly DateTimeOffset s_time = new(2026, 11, 20, 12, 0, 0, 123, TimeSpan.Zero);

    /// <summary>The lines of tests/fixtures/custody/entries.jsonl, written by the dock before the codec existed.</summary>
    public static TheoryData<int, string> GoldenLines()
    {
        var data = new TheoryData<int, string>();
        var lines = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "fixtures", "custody", "entries.jsonl"), Encoding.UTF8).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                data.Add(i, lines[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenLines))]
    public void Every_line_of_a_log_written_before_the_codec_decodes_and_re_encodes_byte_for_byte(int line, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var entry = CustodyEntryCodec.Decode(bytes, line);

        Assert.Equal(json, Encoding.UTF8.GetString(CustodyEntryCodec.Encode(entry)));
        Assert.Equal(json[(json.IndexOf("\"type\":\"", StringComparison.Ordinal) + 8)..].Split('"')[0], CustodyEntryCodec.TypeName(entry));
    }

    [Fact]
    public void The_golden_log_covers_every_entry_type()
    {
        var types = GoldenLines().Select(row => CustodyEntryCodec.Decode(Encoding.UTF8.GetBytes((string)row[1]!)).GetType()).ToHashSet();

        var all = typeof(CustodyEntry).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CustodyEntry)) && !t.IsAbstract);
        Assert.All(all, t => Assert.Contains(t, types));
    }

    [Fact]
    public void An_ingested_entry_reads_back_typed()
    {
        var json = """{"dock":"dock-7","late":true,"model":"M","path":"REC_%FF_0001.mp4","path_encoding":"percent","recorded_end":"2026-11-19T08:30:05Z","recorded_start":"2026-11-19T08:00:00Z","recorder":"BC-1","sha256":"ab","size":12,"slot":2,"stored":"BC-1/x.mp4","time":"2026-11-20T12:00:00.123Z","time_source":"metadata","type":"ingested","vendor":"V"}""";

        var entry = Assert.IsType<IngestedEntry>(CustodyEntryCodec.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(
            new IngestedEntry(2, "BC-1", "V", "M", "REC_%FF_0001.mp4", "ab", 12, "BC-1/x.mp4",
                new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 19, 8, 30, 5, TimeSpan.Zero), "metadata", true,
                CustodyEntry.PercentEncoding) { Dock = "dock-7", Time = s_time },
            entry);
    }

    [Fact]
    public void Encoding_is_canonical_with_snake_case_keys_and_the_type()
    {
        var entry = new WitnessedEntry(23, "cloud.example") { Dock = "dock-7", Time = s_time };

        Assert.Equal("""{"dock":"dock-7","size":23,"time":"2026-11-20T12:00:00.123Z","type":"witnessed","witness":"cloud.example"}""",
            Encoding.UTF8.GetString(CustodyEntryCodec.Encode(entry)));
        Assert.Equal("disk-low", CustodyEntryCodec.TypeName<DiskLowEntry>());
    }

    [Theory]
    [InlineData("""{"dock":"d","size":1,"time":"2026-11-20T12:00:00.000Z","type":"overdue","witness":"w"}""", "type")]
    [InlineData("""{"dock":"d","size":1,"time":"2026-11-20T12:00:00.000Z","witness":"w"}""", "type")]
    [InlineData("""{"dock":"d","size":"1","time":"2026-11-20T12:00:00.000Z","type":"witnessed","witness":"w"}""", "size")]
    [InlineData("""{"dock":"d","size":1.5,"time":"2026-11-20T12:00:00.000Z","type":"witnessed","witness":"w"}""", "size")]
    [InlineData("""{"dock":"d","size":1,"time":"2026-11-20T12:00:00Z","type":"witnessed","witness":"w"}""", "time")]
    [InlineData("""{"dock":"d","size":1,"time":"2026-11-20T12:00:00.000Z","type":"witnessed","witness":null}""", "witness")]
    [InlineData("""{"dock":"d","size":1,"time":"2026-11-20T12:00:00.000Z","type":"witnessed","witness":"w","extra":1}""", "extra")]
    public void A_malformed_entry_is_an_error_naming_the_field_and_the_line(string json, string field)
    {
        var e = Assert.Throws<CustodyEntryFormatException>(() => CustodyEntryCodec.Decode(Encoding.UTF8.GetBytes(json), 41));

        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Contains("line 41", e.Message, StringComparison.Ordinal);
        Assert.Equal(41, e.Line);
    }

    [Theory]
    [InlineData("""{"dock":"d","size":1,"time":"2026-11-20T12:00:00.000Z","type":"witnessed"}""", "witness")]
    [InlineData("""{"size":1,"time":"2026-11-20T12:00:00.000Z","type":"witnessed","witness":"w"}""", "dock")]
    public void A_missing_field_is_named(string json, string field)
    {
        var e = Assert.Throws<CustodyEntryFormatException>(() => CustodyEntryCodec.Decode(Encoding.UTF8.GetBytes(json), 3));

        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{\"type\":")]
    [InlineData("null")]
    [InlineData("""{"size":1,"dock":"d","time":"2026-11-20T12:00:00.000Z","type":"witnessed","witness":"w"}""")]
    [InlineData("""{"dock":"d","dock":"e","size":1,"time":"2026-11-20T12:00:00.000Z","type":"witnessed","witness":"w"}""")]
    public void Bytes_that_are_not_a_canonical_entry_are_refused(string json)
    {
        Assert.Throws<CustodyEntryFormatException>(() => CustodyEntryCodec.Decode(Encoding.UTF8.GetBytes(json)));
        Assert.False(CustodyEntryCodec.TryDecode(Encoding.UTF8.GetBytes(json), 0, out _, out var problem));
        Assert.NotNull(problem);
    }
}
