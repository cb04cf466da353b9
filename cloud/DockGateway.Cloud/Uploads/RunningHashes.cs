using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// The SHA-256 of each open upload so far, kept in memory so completion does not re-read the
/// file. A state is used only when the stored offset is this instance's own last write at that
/// offset (<see cref="TusUpload.OffsetWriter"/> is <see cref="Instance"/>); anything else (another
/// instance took chunks or reset the upload meanwhile, the process restarted) falls back to hashing
/// the partial from disk.
/// </summary>
public sealed class RunningHashes
{
    private readonly ConcurrentDictionary<string, (long Offset, IncrementalHash Hash)> _states = new(StringComparer.Ordinal);

    /// <summary>This process's id as an offset writer: new at every start.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A copy of the hash state at the upload's offset, or null when this instance does not know it.</summary>
    public IncrementalHash? CopyAt(TusUpload upload)
    {
        if (upload.Offset == 0)
        {
            return IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
        return upload.OffsetWriter == Instance && _states.TryGetValue(upload.Id, out var state) && state.Offset == upload.Offset
            ? state.Hash.Clone()
            : null;
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
