using DockGateway.Shared.Merkle;
using Xunit;

namespace DockGateway.Shared.Tests.Merkle;

public class MerkleTreeTests
{
    private static MerkleTree ReferenceLeafTree()
    {
        var tree = new MerkleTree();
        foreach (var leaf in ReferenceTree.Leaves)
        {
            tree.Append(leaf);
        }

        return tree;
    }

    [Fact]
    public void Empty_tree_root_is_sha256_of_nothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new MerkleTree().RootHash()));
        Assert.Equal(MerkleHash.Empty, new MerkleTree().RootHash());
    }

    [Theory]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void Reference_leaves_give_the_published_roots(int size, string root)
    {
        var tree = ReferenceLeafTree();
        Assert.Equal(root, Convert.ToHexStringLower(tree.RootHash(size)));
    }

    [Theory]
    [InlineData(3, "rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=")]
    [InlineData(5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=")]
    [InlineData(6, "duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=")]
    [InlineData(7, "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=")]
    public void Reference_leaves_give_the_transparency_dev_roots_for_odd_sizes(int size, string root)
    {
        Assert.Equal(root, Convert.ToBase64String(ReferenceLeafTree().RootHash(size)));
    }

    [Fact]
    public void Leaf_and_node_hashes_use_the_rfc6962_prefixes()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Convert.ToHexStringLower(MerkleHash.Leaf([])));
        var left = MerkleHash.Leaf([]);
        var right = MerkleHash.Leaf([0x00]);
        Assert.Equal("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", Convert.ToHexStringLower(MerkleHash.Node(left, right)));
    }

    [Fact]
    public void Cached_roots_match_the_definition_for_every_size_up_to_300()
    {
        var tree = new MerkleTree();
        var leafHashes = new List<byte[]>();
        for (var i = 0; i < 300; i++)
        {
            leafHashes.Add(tree.Append(BitConverter.GetBytes(i)));
        }

        for (var size = 0; size <= 300; size++)
        {
            Assert.Equal(ReferenceTree.Root(leafHashes, 0, size), tree.RootHash(size));
        }
    }

    [Fact]
    public void Tree_built_from_leaf_hashes_equals_tree_built_by_appending()
    {
        var appended = ReferenceLeafTree();
        var fromHashes = new MerkleTree(Enumerable.Range(0, 8).Select(i => appended.LeafHash(i)));

        Assert.Equal(8, fromHashes.Size);
        Assert.Equal(appended.RootHash(), fromHashes.RootHash());
    }

    [Fact]
    public void Generated_proofs_equal_the_published_transparency_dev_proofs()
    {
        var tree = ReferenceLeafTree();

        Assert.Equal(
            ["lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=", "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="],
            tree.InclusionProof(0, 8).Select(Convert.ToBase64String));
        Assert.Equal(["+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU="], tree.InclusionProof(2, 3).Select(Convert.ToBase64String));
        Assert.Equal(
            ["DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=", "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=", "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="],
            tree.ConsistencyProof(6, 8).Select(Convert.ToBase64String));
        Assert.Equal(
            ["Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="],
            tree.ConsistencyProof(2, 5).Select(Convert.ToBase64String));
        Assert.Empty(tree.ConsistencyProof(8, 8));
        Assert.Empty(tree.ConsistencyProof(0, 8));
    }

    [Fact]
    public void Out_of_range_requests_are_refused_with_the_argument_named()
    {
        var tree = ReferenceLeafTree();

        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(9)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(5, 5)).ParamName);
        Assert.Equal("oldSize", Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(6, 5)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => tree.LeafHash(8)).ParamName);
        Assert.Throws<ArgumentException>(() => tree.AppendLeafHash(new byte[31]));
    }

    [Fact]
    public void A_tree_of_100000_leaves_gives_proofs_that_verify()
    {
        var tree = new MerkleTree();
        for (var i = 0; i < 100_000; i++)
        {
            tree.Append(BitConverter.GetBytes(i));
        }

        var root = tree.RootHash();
        foreach (var index in new long[] { 0, 1, 65_535, 65_536, 99_998, 99_999 })
        {
            var proof = tree.InclusionProof(index, tree.Size);
            Assert.True(MerkleProof.VerifyInclusion(index, tree.Size, tree.LeafHash(index), proof, root));
        }

        foreach (var oldSize in new long[] { 1, 2, 3, 4096, 65_536, 77_777, 99_999 })
        {
            var proof = tree.ConsistencyProof(oldSize, tree.Size);
            Assert.True(MerkleProof.VerifyConsistency(oldSize, tree.Size, tree.RootHash(oldSize), root, proof));
        }
    }
}
