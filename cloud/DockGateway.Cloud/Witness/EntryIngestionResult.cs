namespace DockGateway.Cloud.Witness;

/// <summary>
/// The outcome of a custody-entry batch: what was stored, or why nothing was. <see cref="HeldSize"/> is set
/// on a refusal whose cause is where the cloud's copy ends (the dock should send from there).
/// </summary>
public sealed record EntryIngestionResult(int Status, string? Problem, int StoredCount, long Size, byte[]? RootHash, string? Cosignature, long? HeldSize = null)
{
    public static EntryIngestionResult Stored(int count, long size, byte[] root, string? cosignature) =>
        new(200, null, count, size, root, cosignature);

    public static EntryIngestionResult Refused(int status, string problem) => new(status, problem, 0, 0, null, null);

    public static EntryIngestionResult Gap(string problem, long heldSize) => new(422, problem, 0, 0, null, null, heldSize);
}
