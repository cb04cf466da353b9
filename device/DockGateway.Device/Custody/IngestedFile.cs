namespace DockGateway.Device.Custody;

/// <summary>
/// Bookkeeping for one <c>ingested</c> entry: which recorder file it was, where the copy is, and
/// whether the recorder copy has been erased yet (null <see cref="ErasedIndex"/> = still to erase).
/// </summary>
public sealed record IngestedFile(
    long EntryIndex,
    string Sha256,
    long Size,
    string Recorder,
    byte[] PathBytes,
    string Stored,
    long? ErasedIndex);
