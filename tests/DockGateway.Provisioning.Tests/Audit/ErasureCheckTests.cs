using DockGateway.Shared.Custody;
using Xunit;

namespace DockGateway.Provisioning.Tests.Audit;

public sealed class ErasureCheckTests
{
    [Fact]
    public void An_erasure_of_identical_bytes_from_another_recorder_is_listed_as_a_duplicate()
    {
        using var bundle = new TestBundle(
            sha0 => TestBundle.Line(new DuplicateEntry(2, "CAM-2", "DCIM/COPY.MP4", sha0, 7, 1)),
            sha0 => TestBundle.Line(new ErasedEntry(2, "CAM-2", "DCIM/COPY.MP4", sha0, 1)));

        var report = bundle.Verify();

        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Contains("same bytes as entry 1", Assert.Single(report.Custody.Duplicates).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_erasure_of_identical_bytes_that_no_duplicate_entry_named_first_fails()
    {
        using var bundle = new TestBundle(sha0 => TestBundle.Line(new ErasedEntry(2, "CAM-2", "DCIM/COPY.MP4", sha0, 1)));

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (erased)" && f.Message.Contains("before any duplicate entry named it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_entry_that_names_no_ingested_entry_fails()
    {
        using var bundle = new TestBundle(sha0 => TestBundle.Line(new DuplicateEntry(2, "CAM-2", "DCIM/X.MP4", sha0, 7, 0)));

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (duplicate)" && f.Message.Contains("does not name an earlier ingested entry", StringComparison.Ordinal));
    }

    [Fact]
    public void An_erasure_that_names_no_ingested_entry_fails()
    {
        using var bundle = new TestBundle(sha0 => TestBundle.Line(new ErasedEntry(2, "CAM-2", "DCIM/X.MP4", sha0, 0)));

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (erased)" && f.Message.Contains("does not name an earlier ingested entry", StringComparison.Ordinal));
    }

    [Fact]
    public void An_erasure_that_does_not_name_its_ingested_entry_is_not_a_readable_entry()
    {
        using var bundle = new TestBundle(_ => TestBundle.Line(new ErasedEntry(2, "CAM-2", "DCIM/X.MP4", new string('a', 64), 1)).Replace("\"ingested\":1,", "", StringComparison.Ordinal));

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where.Contains("(entry 9)", StringComparison.Ordinal) && f.Message.Contains("'ingested'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_erasure_whose_hash_differs_from_its_ingested_entry_fails()
    {
        using var bundle = new TestBundle(sha0 => TestBundle.Line(new ReconciledEntry(1, "CAM-1", "DCIM/X.MP4", sha0, 3, "not-on-recorder")));

        var report = bundle.Verify();

        Assert.Contains(report.Failures, f => f.Where == "entry 9 (reconciled)" && f.Message.Contains("differs from its ingested entry 3", StringComparison.Ordinal));
    }
}
