using DockGateway.Shared.Custody;

namespace DockGateway.Testing.Custody;

/// <summary>Custody entries with plausible values for the fields a test does not care about.</summary>
public static class TestEntries
{
    public static readonly DateTimeOffset Recorded = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);

    public static InsertedEntry Inserted(int slot = 1, string recorder = "SN-1") => new(slot, recorder, "Vendor", "Model");

    public static RemovedEntry Removed(int slot = 1, string recorder = "SN-1") => new(slot, recorder, Complete: true);

    public static ErrorEntry Error(int slot = 1, string recorder = "SN-1", string reason = "read-failed") => new(slot, recorder, reason, "test");

    public static IngestedEntry Ingested(string sha256, long size, string stored, string recorder = "SN-1", string path = "DCIM/REC_0001.MP4", int slot = 1) =>
        new(slot, recorder, "Vendor", "Model", path, sha256, size, stored, Recorded, Recorded.AddMinutes(10), "metadata", Late: false);

    public static DuplicateEntry Duplicate(string path, string sha256, long ingested, string recorder = "SN-1", int slot = 1) =>
        new(slot, recorder, path, sha256, 1, ingested);

    public static UploadedEntry Uploaded(long entry, string sha256, long size, string receipt) =>
        new(entry, sha256, size, "http://127.0.0.1/api/v1/uploads/x", receipt);
}
