using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// The SHA-256 of each open upload so far, kept in memory so completion does not re-read the
/// file. Only a state whose offset matches the stored offset is used; anything else (another
/// instance took chunks, the process restarted) falls back to hashing the partial from disk.
/// </summary>
public sealed class RunningHashes
{
    private readonly ConcurrentDictionary<string, (long Offset, IncrementalHash Hash)> _states = new(StringComparer.Ordinal);

    /// <summary>A copy of the hash state at <paramref name="offset"/>, or null when none is known.</summary>
    public IncrementalHash? CopyAt(string uploadId, long offset)
    {
        if (offset == 0)
        {
            return IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
        return _states.TryGetValue(uploadId, out var state) && state.Offset == offset ? state.Hash.Clone() : null;
    }

    /// <summary>Records the state after an accepted chunk (taking ownership of <paramref name="hash"/>).</summary>
    public void Store(string uploadId, long offset, IncrementalHash hash)
    {
        _states.AddOrUpdate(uploadId, (offset, hash), (_, old) =>
        {
            old.Hash.Dispose();
            return (offset, hash);
        });
    }

    public void Forget(string uploadId)
    {
        if (_states.TryRemove(uploadId, out var state))
        {
            state.Hash.Dispose();
        }
    }
}
