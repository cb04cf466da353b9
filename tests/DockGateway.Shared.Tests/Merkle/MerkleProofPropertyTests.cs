using DockGateway.Shared.Merkle;
using Xunit;

namespace DockGateway.Shared.Tests.Merkle;

public class MerkleProofPropertyTests
{
    private const int MaxSize = 64;

    private static MerkleTree Tree()
    {
        var tree = new MerkleTree();
        for (var i = 0; i < MaxSize; i++)
        {
            tree.Append([(byte)i, (byte)(i * 7)]);
        }

        return tree;
    }

    private static byte[][] Flipped(IReadOnlyList<byte[]> proof, int element, int bit)
    {
        var copy = proof.Select(h => (byte[])h.Clone()).ToArray();
        copy[element][bit % 32] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[] Flip(byte[] hash)
    {
        var copy = (byte[])hash.Clone();
        copy[17] ^= 0x40;
        return copy;
    }

    [Fact]
    public void Every_inclusion_proof_for_sizes_1_to_64_verifies_and_any_flipped_byte_fails()
    {
        var tree = Tree();
        for (long size = 1; size <= MaxSize; size++)
        {
            var root = tree.RootHash(size);
            for (long index = 0; index < size; index++)
            {
                var leaf = tree.LeafHash(index);
                var proof = tree.InclusionProof(index, size);
                Assert.True(MerkleProof.VerifyInclusion(index, size, leaf, proof, root), $"leaf {index} of {size}");

                Assert.False(MerkleProof.VerifyInclusion(index, size, Flip(leaf), proof, root));
                Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, proof, Flip(root)));
                for (var i = 0; i < proof.Count; i++)
                {
                    Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, Flipped(proof, i, i + (int)index), root), $"leaf {index} of {size}, proof[{i}] flipped");
                }

                if (size > 1)
                {
                    Assert.False(MerkleProof.VerifyInclusion((index + 1) % size, size, leaf, proof, root));
                }
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_for_sizes_1_to_64_verifies_and_any_flipped_byte_fails()
    {
        var tree = Tree();
        for (long newSize = 1; newSize <= MaxSize; newSize++)
        {
            var newRoot = tree.RootHash(newSize);
            for (long oldSize = 1; oldSize <= newSize; oldSize++)
            {
                var oldRoot = tree.RootHash(oldSize);
                var proof = tree.ConsistencyProof(oldSize, newSize);
                Assert.True(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), $"{oldSize} -> {newSize}");

                Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, Flip(oldRoot), newRoot, proof));
                Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, Flip(newRoot), proof));
                for (var i = 0; i < proof.Count; i++)
                {
                    Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, Flipped(proof, i, i + (int)oldSize)), $"{oldSize} -> {newSize}, proof[{i}] flipped");
                }
            }
        }
    }

    [Fact]
    public void The_known_bug_case_leaf_2_of_a_3_leaf_tree_verifies()
    {
        var tree = Tree();
        Assert.True(MerkleProof.VerifyInclusion(2, 3, tree.LeafHash(2), tree.InclusionProof(2, 3), tree.RootHash(3)));
        Assert.True(MerkleProof.VerifyInclusion(4, 5, tree.LeafHash(4), tree.InclusionProof(4, 5), tree.RootHash(5)));
    }

    [Fact]
    public void Malformed_inputs_do_not_verify_and_do_not_throw()
    {
        var tree = Tree();
        var proof = tree.InclusionProof(3, 8);
        var root = tree.RootHash(8);
        var leaf = tree.LeafHash(3);

        Assert.False(MerkleProof.VerifyInclusion(-1, 8, leaf, proof, root));
        Assert.False(MerkleProof.VerifyInclusion(8, 8, leaf, proof, root));
        Assert.False(MerkleProof.VerifyInclusion(3, 8, leaf.AsSpan(0, 31), proof, root));
        Assert.False(MerkleProof.VerifyInclusion(3, 8, leaf, [.. proof, []], root));
        Assert.False(MerkleProof.VerifyInclusion(3, 8, leaf, null!, root));
        Assert.False(MerkleProof.VerifyConsistency(5, 4, tree.RootHash(5), tree.RootHash(4), []));
        Assert.False(MerkleProof.VerifyConsistency(3, 8, tree.RootHash(3), root, []));
        Assert.False(MerkleProof.VerifyConsistency(0, 8, MerkleHash.Empty, root, tree.ConsistencyProof(3, 8)));
        Assert.True(MerkleProof.VerifyConsistency(0, 8, MerkleHash.Empty, root, []));
        Assert.False(MerkleProof.VerifyConsistency(8, 8, tree.RootHash(7), root, []));
    }
}
