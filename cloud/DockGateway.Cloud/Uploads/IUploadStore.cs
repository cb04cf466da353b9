using DockGateway.Cloud.DockAuth;

namespace DockGateway.Cloud.Uploads;

/// <summary>Upload records. Offsets only ever advance by compare-and-swap, so two instances
/// behind a load balancer cannot both append at the same offset.</summary>
public interface IUploadStore
{
    Task CreateAsync(TusUpload upload, CancellationToken cancellationToken);

    Task<TusUpload?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>True when a dock of <paramref name="agencyCode"/> completed an upload of this SHA-256 (its agency holds the file).</summary>
    Task<bool> AgencyHoldsAsync(string agencyCode, string sha256, CancellationToken cancellationToken);

    /// <summary>Sets the offset to <paramref name="newOffset"/>, the expiry to <paramref name="expiresAt"/> and the
    /// offset's writer to <paramref name="writer"/> only when the offset is still <paramref name="expectedOffset"/>.</summary>
    Task<bool> TryAdvanceAsync(string id, long expectedOffset, long newOffset, DateTimeOffset expiresAt, string writer, CancellationToken cancellationToken);

    /// <summary>As the overload without <paramref name="replay"/>, in one transaction with the signature's replay-cache row
    /// (one durable commit per chunk): a signature already recorded changes nothing.</summary>
    Task<UploadAdvance> TryAdvanceAsync(
        string id, long expectedOffset, long newOffset, DateTimeOffset expiresAt, string writer, PendingReplay replay, CancellationToken cancellationToken);

    /// <summary>Marks a fully received, hash-checked upload complete.</summary>
    Task<bool> TryCompleteAsync(string id, DateTimeOffset completedAt, CancellationToken cancellationToken);

    /// <summary>Sets the offset of an unfinished upload whose bytes were lost back to 0, only when it is still <paramref name="expectedOffset"/>.</summary>
    Task<bool> TryResetAsync(string id, long expectedOffset, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Unfinished uploads that hold every byte (offset = length): what a crash left to finish.</summary>
    Task<IReadOnlyList<string>> ListFullAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Unfinished uploads whose expiry is before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
