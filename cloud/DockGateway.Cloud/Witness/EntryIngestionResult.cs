namespace DockGateway.Cloud.Witness;

/// <summary>The outcome of a custody-entry batch: what was stored, or why nothing was.</summary>
public sealed record EntryIngestionResult(int Status, string? Problem, int StoredCount, long Size, byte[]? RootHash, string? Cosignature)
{
    public static EntryIngestionResult Stored(int count, long size, byte[] root, string? cosignature) =>
        new(200, null, count, size, root, cosignature);

    public static EntryIngestionResult Refused(int status, string problem) => new(status, problem, 0, 0, null, null);
}
