namespace DockGateway.Cloud.Witness;

/// <summary>
/// A batch's claim that the entries end on a prefix of a cosigned tree: the cosigned size and the RFC 6962
/// consistency proof to it, decoded from <see cref="CustodyEntryBatch"/>.
/// </summary>
public sealed record PrefixProof(long CosignedSize, IReadOnlyList<byte[]> Hashes)
{
    /// <summary>At most as many hashes as a tlog-witness add-checkpoint request may carry.</summary>
    public const int MaxHashes = 63;

    /// <summary>The proof in <paramref name="batch"/> (null when it has none), or the reason it is malformed.</summary>
    public static (PrefixProof? Proof, string? Problem) From(CustodyEntryBatch batch)
    {
        if (batch.CosignedSize is null)
        {
            return batch.ConsistencyProof is null ? (null, null) : (null, "'consistencyProof' needs 'cosignedSize', the size of the cosigned checkpoint it leads to.");
        }
        if (batch.Checkpoint is not null)
        {
            return (null, "Send either 'checkpoint' or 'cosignedSize' with 'consistencyProof', not both.");
        }
        if (batch.CosignedSize <= 0)
        {
            return (null, $"'cosignedSize' must be positive (was {batch.CosignedSize}).");
        }
        var encoded = batch.ConsistencyProof ?? [];
        if (encoded.Count > MaxHashes)
        {
            return (null, $"'consistencyProof' has {encoded.Count} hashes; at most {MaxHashes} are allowed.");
        }
        var hashes = new List<byte[]>(encoded.Count);
        for (var i = 0; i < encoded.Count; i++)
        {
            var hash = new byte[32];
            if (encoded[i] is null || !Convert.TryFromBase64String(encoded[i], hash, out var written) || written != hash.Length)
            {
                return (null, $"consistencyProof[{i}] is not the base64 of a 32-byte SHA-256 hash.");
            }
            hashes.Add(hash);
        }
        return (new PrefixProof(batch.CosignedSize.Value, hashes), null);
    }
}
