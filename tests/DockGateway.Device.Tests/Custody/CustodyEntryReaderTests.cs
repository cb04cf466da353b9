using System.Text;
using DockGateway.Shared.Custody;
using Xunit;

namespace DockGateway.Device.Tests.Custody;

public class CustodyEntryReaderTests
{
    [Fact]
    public void An_ingested_entry_reads_back_its_audit_fields()
    {
        var json = """{"dock":"dock-7","late":true,"path":"REC_%FF_0001.mp4","path_encoding":"percent","recorder":"BC-1","sha256":"ab","size":12,"slot":2,"stored":"BC-1/2026-11-20/x.mp4","time":"2026-11-20T12:00:00.000Z","type":"ingested"}""";

        var entry = CustodyEntryReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(
            new CustodyEntryFields(CustodyEntryTypes.Ingested, "dock-7", "2026-11-20T12:00:00.000Z", 2, "BC-1", "ab", 12, "REC_%FF_0001.mp4", CustodyEntryTypes.PercentEncoding, "BC-1/2026-11-20/x.mp4", true),
            entry);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{\"sha256\":\"ab\"}")]
    [InlineData("{\"type\":\"ingested\",\"size\":\"12\"}")]
    [InlineData("{\"type\":\"ingested\",\"late\":1}")]
    [InlineData("{\"type\":")]
    public void Malformed_entries_are_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => CustodyEntryReader.Read(Encoding.UTF8.GetBytes(json)));
    }
}
