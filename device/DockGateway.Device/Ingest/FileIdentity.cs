namespace DockGateway.Device.Ingest;

/// <summary>
/// What identifies a file's content without reading it: if any of these changed, the file changed
/// (a recorder still writing, or a hostile device) and must not be wiped on the strength of an older copy.
/// </summary>
public sealed record FileIdentity(ulong Inode, long Size, long ModifiedSeconds, uint ModifiedNanoseconds, long ChangedSeconds, uint ChangedNanoseconds)
{
    public DateTimeOffset Modified => DateTimeOffset.FromUnixTimeSeconds(ModifiedSeconds).AddTicks(ModifiedNanoseconds / 100);
}
