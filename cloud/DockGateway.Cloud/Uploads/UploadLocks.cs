using System.Collections.Concurrent;

namespace DockGateway.Cloud.Uploads;

/// <summary>One writer per upload within this process; the store's compare-and-swap on the
/// offset covers other instances.</summary>
public sealed class UploadLocks
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    /// <summary>Takes the upload's lock, or returns null when another request holds it.</summary>
    public IDisposable? TryEnter(string uploadId) =>
        _held.TryAdd(uploadId, 0) ? new Release(_held, uploadId) : null;

    private sealed class Release(ConcurrentDictionary<string, byte> held, string uploadId) : IDisposable
    {
        public void Dispose() => held.TryRemove(uploadId, out _);
    }
}
