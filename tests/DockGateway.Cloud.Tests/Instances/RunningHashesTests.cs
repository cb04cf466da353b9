using System.Security.Cryptography;
using DockGateway.Cloud.Uploads;
using Xunit;

namespace DockGateway.Cloud.Tests.Instances;

/// <summary>An instance continues its in-memory hash of an upload only when the stored offset is its own last write:
/// after another instance wrote (or reset and refilled) the upload, the state may describe other bytes.</summary>
public sealed class RunningHashesTests
{
    [Fact]
    public void A_hash_state_is_used_only_at_an_offset_this_instance_wrote()
    {
        var hashes = new RunningHashes();
        var state = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        state.AppendData(new byte[10]);
        hashes.Store("u1", 10, state);
        var upload = new TusUpload("u1", "dock", 20, 10, new string('a', 64), 1, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, false, hashes.Instance);

        using var own = hashes.CopyAt(upload);
        using var elsewhere = hashes.CopyAt(upload with { OffsetWriter = new RunningHashes().Instance });
        using var reset = hashes.CopyAt(upload with { OffsetWriter = null });
        using var moved = hashes.CopyAt(upload with { Offset = 15 });

        Assert.NotNull(own);
        Assert.Equal(SHA256.HashData(new byte[10]), own.GetHashAndReset());
        Assert.Null(elsewhere);
        Assert.Null(reset);
        Assert.Null(moved);
        Assert.NotEqual(hashes.Instance, new RunningHashes().Instance);
    }
}
