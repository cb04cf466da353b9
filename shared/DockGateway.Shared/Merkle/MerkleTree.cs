namespace DockGateway.Shared.Merkle;

/// <summary>
/// An append-only RFC 6962 Merkle tree over leaf hashes, held in memory. Every complete,
/// aligned subtree hash is cached (level k holds the hashes of subtrees of 2^k leaves), so roots
/// and proofs for any size cost O(log n) hashes. Not thread-safe: callers serialise access.
/// </summary>
public sealed class MerkleTree
{
    // _levels[0] are the leaf hashes; _levels[k][i] covers leaves [i * 2^k, (i + 1) * 2^k).
    private readonly List<List<byte[]>> _levels = [[]];

    public MerkleTree()
    {
    }

    public MerkleTree(IEnumerable<byte[]> leafHashes)
    {
        foreach (var leafHash in leafHashes)
        {
            AppendLeafHash(leafHash);
        }
    }

    public long Size => _levels[0].Count;

    /// <summary>Appends an entry and returns its leaf hash.</summary>
    public byte[] Append(ReadOnlySpan<byte> entry)
    {
        var leafHash = MerkleHash.Leaf(entry);
        AppendLeafHash(leafHash);
        return (byte[])leafHash.Clone();
    }

    public void AppendLeafHash(byte[] leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"a leaf hash is {MerkleHash.Size} bytes, got {leafHash.Length}", nameof(leafHash));
        }

        var hash = (byte[])leafHash.Clone();
        _levels[0].Add(hash);
        for (var level = 0; (_levels[level].Count & 1) == 0; level++)
        {
            var nodes = _levels[level];
            hash = MerkleHash.Node(nodes[^2], hash);
            if (_levels.Count == level + 1)
            {
                _levels.Add([]);
            }

            _levels[level + 1].Add(hash);
        }
    }

    public byte[] LeafHash(long index)
    {
        CheckRange(index, 0, Size - 1, nameof(index));
        return (byte[])_levels[0][(int)index].Clone();
    }

    public byte[] RootHash() => RootHash(Size);

    /// <summary>The root of the tree made of the first <paramref name="size"/> leaves.</summary>
    public byte[] RootHash(long size)
    {
        CheckRange(size, 0, Size, nameof(size));
        return size == 0 ? MerkleHash.Empty : (byte[])SubtreeHash(0, size).Clone();
    }

    /// <summary>RFC 6962 PATH(index, D[size]): leaf sibling first, root child last.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        CheckRange(size, 1, Size, nameof(size));
        CheckRange(index, 0, size - 1, nameof(index));
        var proof = new List<byte[]>();
        Path(index, 0, size, proof);
        return proof;
    }

    /// <summary>RFC 6962 PROOF(oldSize, D[newSize]) = SUBPROOF(oldSize, D[newSize], true).</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long oldSize, long newSize)
    {
        CheckRange(newSize, 0, Size, nameof(newSize));
        CheckRange(oldSize, 0, newSize, nameof(oldSize));
        var proof = new List<byte[]>();
        if (oldSize > 0 && oldSize < newSize)
        {
            SubProof(oldSize, 0, newSize, true, proof);
        }

        return proof;
    }

    private void Path(long index, long start, long count, List<byte[]> proof)
    {
        if (count == 1)
        {
            return;
        }

        var split = LargestPowerOfTwoBelow(count);
        if (index < split)
        {
            Path(index, start, split, proof);
            proof.Add(Copy(SubtreeHash(start + split, count - split)));
        }
        else
        {
            Path(index - split, start + split, count - split, proof);
            proof.Add(Copy(SubtreeHash(start, split)));
        }
    }

    private void SubProof(long m, long start, long count, bool whole, List<byte[]> proof)
    {
        if (m == count)
        {
            if (!whole)
            {
                proof.Add(Copy(SubtreeHash(start, count)));
            }

            return;
        }

        var split = LargestPowerOfTwoBelow(count);
        if (m <= split)
        {
            SubProof(m, start, split, whole, proof);
            proof.Add(Copy(SubtreeHash(start + split, count - split)));
        }
        else
        {
            SubProof(m - split, start + split, count - split, false, proof);
            proof.Add(Copy(SubtreeHash(start, split)));
        }
    }

    /// <summary>MTH(D[start:start+count]); start is always aligned to the subtrees it is split into.</summary>
    private byte[] SubtreeHash(long start, long count)
    {
        if ((count & (count - 1)) == 0)
        {
            var level = System.Numerics.BitOperations.Log2((ulong)count);
            return _levels[level][(int)(start >> level)];
        }

        var split = LargestPowerOfTwoBelow(count);
        return MerkleHash.Node(SubtreeHash(start, split), SubtreeHash(start + split, count - split));
    }

    private static long LargestPowerOfTwoBelow(long n) => (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)n) >> 1;

    private static byte[] Copy(byte[] hash) => (byte[])hash.Clone();

    private static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");
        }
    }
}
