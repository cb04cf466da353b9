using Xunit;

namespace DockGateway.Provisioning.Tests.Audit;

public sealed class ErasureCheckTests
{
    [Fact]
    public void An_erasure_of_identical_bytes_from_another_recorder_is_listed_as_a_duplicate()
    {
        using var bundle = new TestBundle(
            "{\"ingested\":1,\"path\":\"DCIM/COPY.MP4\",\"recorder\":\"CAM-2\",\"sha256\":\"{sha0}\",\"size\":7,\"type\":\"duplicate\"}",
            "{\"ingested\":1,\"path\":\"DCIM/COPY.MP4\",\"recorder\":\"CAM-2\",\"sha256\":\"{sha0}\",\"type\":\"erased\"}");

        var report = bundle.Verify();

        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Contains("same bytes as entry 1", Assert.Single(report.Custody.Duplicates).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_erasure_of_identical_bytes_that_no_duplicate_entry_named_first_fails()
    {
        using var bundle = new TestBundle("{\"ingested\":1,\"path\":\"DCIM/COPY.MP4\",\"recorder\":\"CAM-2\",\"sha256\":\"{sha0}\",\"type\":\"erased\"}");

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (erased)" && f.Message.Contains("before any duplicate entry named it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_entry_that_names_no_ingested_entry_fails()
    {
        using var bundle = new TestBundle("{\"ingested\":0,\"path\":\"DCIM/X.MP4\",\"recorder\":\"CAM-2\",\"sha256\":\"{sha0}\",\"size\":7,\"type\":\"duplicate\"}");

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (duplicate)" && f.Message.Contains("does not name an earlier ingested entry", StringComparison.Ordinal));
    }

    [Fact]
    public void An_erasure_that_names_no_ingested_entry_fails()
    {
        using var bundle = new TestBundle("{\"ingested\":0,\"path\":\"DCIM/X.MP4\",\"recorder\":\"CAM-2\",\"sha256\":\"{sha0}\",\"type\":\"erased\"}");

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (erased)" && f.Message.Contains("does not name an earlier ingested entry", StringComparison.Ordinal));
    }

    [Fact]
    public void An_erasure_of_bytes_never_ingested_fails()
    {
        using var bundle = new TestBundle("{\"path\":\"DCIM/X.MP4\",\"recorder\":\"CAM-2\",\"sha256\":\"" + new string('a', 64) + "\",\"type\":\"erased\"}");

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (erased)" && f.Message.Contains("no earlier ingested entry", StringComparison.Ordinal));
    }

    [Fact]
    public void An_erasure_whose_hash_differs_from_its_ingested_entry_fails()
    {
        using var bundle = new TestBundle("{\"ingested\":3,\"path\":\"DCIM/X.MP4\",\"recorder\":\"CAM-1\",\"sha256\":\"{sha0}\",\"type\":\"reconciled\"}");

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (reconciled)" && f.Message.Contains("differs from its ingested entry 3", StringComparison.Ordinal));
    }
}
