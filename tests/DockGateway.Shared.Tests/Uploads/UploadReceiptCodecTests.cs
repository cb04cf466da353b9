using DockGateway.Shared.Uploads;
using Xunit;

namespace DockGateway.Shared.Tests.Uploads;

public class UploadReceiptCodecTests
{
    private const string Text = "dockgateway/upload-receipt/v1\ndock dock-7\nupload 0f3c\nentry 7\nsha256 ab12\nsize 1048576\nreceived 2026-11-20T12:00:30Z\nduplicate false\n";

    private static readonly UploadReceipt s_receipt = new("dock-7", "0f3c", 7, "ab12", 1048576, new DateTimeOffset(2026, 11, 20, 12, 0, 30, TimeSpan.Zero), false);

    [Fact]
    public void A_receipt_is_written_in_the_v1_text_the_cloud_has_always_signed() =>
        Assert.Equal(Text, UploadReceiptCodec.Format(s_receipt));

    [Fact]
    public void The_text_reads_back_to_the_same_receipt() =>
        Assert.Equal(s_receipt, UploadReceiptCodec.Parse(Text));

    [Theory]
    [InlineData("dockgateway/upload-receipt/v2\n", "line 1")]
    [InlineData("dockgateway/upload-receipt/v1\ndock dock-7\n", "lines")]
    [InlineData("dockgateway/upload-receipt/v1\ndock dock-7\nupload 0f3c\nentry 07\nsha256 ab12\nsize 1\nreceived 2026-11-20T12:00:30Z\nduplicate false\n", "\"entry\"")]
    [InlineData("dockgateway/upload-receipt/v1\ndock dock-7\nupload 0f3c\nentry 7\nsha256 ab12\nbytes 1\nreceived 2026-11-20T12:00:30Z\nduplicate false\n", "line 6")]
    [InlineData("dockgateway/upload-receipt/v1\ndock dock-7\nupload 0f3c\nentry 7\nsha256 ab12\nsize 1\nreceived yesterday\nduplicate false\n", "\"received\"")]
    [InlineData("dockgateway/upload-receipt/v1\ndock dock-7\nupload 0f3c\nentry 7\nsha256 ab12\nsize 1\nreceived 2026-11-20T12:00:30Z\nduplicate yes\n", "\"duplicate\"")]
    [InlineData("dockgateway/upload-receipt/v1\ndock dock-7\nupload 0f3c\nentry 7\nsha256 ab12\nsize 1\nreceived 2026-11-20T12:00:30Z\nduplicate false", "newline")]
    public void A_malformed_receipt_names_what_is_wrong(string text, string named)
    {
        var e = Assert.Throws<FormatException>(() => UploadReceiptCodec.Parse(text));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }
}
