using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Shared.Merkle;
using Xunit;

namespace DockGateway.Shared.Tests.Merkle;

/// <summary>transparency-dev/merkle testdata vectors (see TestData/transparency-dev/README.md).</summary>
public class MerkleProofVectorTests
{
    private static readonly string s_folder = TestData.PathOf("Merkle", "TestData", "transparency-dev");

    private sealed record Inclusion(long LeafIdx, long TreeSize, byte[] Root, byte[] LeafHash, byte[][] Proof, string Desc, bool WantErr);

    private sealed record Consistency(long Size1, long Size2, byte[] Root1, byte[] Root2, byte[][] Proof, string Desc, bool WantErr);

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> InclusionFiles() => Files("inclusion");

    public static TheoryData<string> ConsistencyFiles() => Files("consistency");

    private static TheoryData<string> Files(string kind) =>
        new(Directory.GetFiles(Path.Combine(s_folder, kind), "*.json").Select(Path.GetFileName).Order()!);

    private static T Load<T>(string kind, string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(s_folder, kind, file)), s_json)!;

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void Published_inclusion_vector_gives_the_published_outcome(string file)
    {
        var v = Load<Inclusion>("inclusion", file);
        Assert.Equal(!v.WantErr, MerkleProof.VerifyInclusion(v.LeafIdx, v.TreeSize, v.LeafHash, v.Proof ?? [], v.Root));
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void Published_consistency_vector_gives_the_published_outcome(string file)
    {
        var v = Load<Consistency>("consistency", file);
        Assert.Equal(!v.WantErr, MerkleProof.VerifyConsistency(v.Size1, v.Size2, v.Root1, v.Root2, v.Proof ?? []));
    }

    [Theory]
    [InlineData("0-happy-path.json")]
    [InlineData("1-happy-path.json")]
    [InlineData("2-happy-path.json")]
    [InlineData("3-happy-path.json")]
    [InlineData("4-happy-path.json")]
    public void Every_upstream_corruption_of_an_inclusion_vector_fails(string file)
    {
        var v = Load<Inclusion>("inclusion", file);
        var proof = v.Proof ?? [];
        var random = RandomNumberGenerator.GetBytes(32);
        var cases = new List<(string Desc, long Index, long Size, byte[][] Proof, byte[] Root, byte[] Leaf)>
        {
            ("leafIdx - 1", v.LeafIdx - 1, v.TreeSize, proof, v.Root, v.LeafHash),
            ("leafIdx + 1", v.LeafIdx + 1, v.TreeSize, proof, v.Root, v.LeafHash),
            ("leafIdx ^ 2", v.LeafIdx ^ 2, v.TreeSize, proof, v.Root, v.LeafHash),
            ("treeSize * 2", v.LeafIdx, v.TreeSize * 2, proof, v.Root, v.LeafHash),
            ("treeSize / 2", v.LeafIdx, v.TreeSize / 2, proof, v.Root, v.LeafHash),
            ("wrong leaf", v.LeafIdx, v.TreeSize, proof, v.Root, "WrongLeaf"u8.ToArray()),
            ("empty root", v.LeafIdx, v.TreeSize, proof, MerkleHash.Empty, v.LeafHash),
            ("random root", v.LeafIdx, v.TreeSize, proof, random, v.LeafHash),
            ("trailing garbage", v.LeafIdx, v.TreeSize, [.. proof, []], v.Root, v.LeafHash),
            ("trailing root", v.LeafIdx, v.TreeSize, [.. proof, v.Root], v.Root, v.LeafHash),
            ("preceding garbage", v.LeafIdx, v.TreeSize, [[], .. proof], v.Root, v.LeafHash),
            ("preceding root", v.LeafIdx, v.TreeSize, [v.Root, .. proof], v.Root, v.LeafHash),
        };
        for (var i = 0; i < proof.Length; i++)
        {
            var modified = proof.Select(h => (byte[])h.Clone()).ToArray();
            modified[i][0] ^= 8;
            cases.Add(($"modified proof[{i}] bit 3", v.LeafIdx, v.TreeSize, modified, v.Root, v.LeafHash));
        }

        if (proof.Length > 0)
        {
            cases.Add(("removed component", v.LeafIdx, v.TreeSize, proof[..^1], v.Root, v.LeafHash));
            cases.Add(("inserted component", v.LeafIdx, v.TreeSize, [.. proof, proof[^1]], v.Root, v.LeafHash));
        }

        foreach (var c in cases)
        {
            Assert.False(MerkleProof.VerifyInclusion(c.Index, c.Size, c.Leaf, c.Proof, c.Root), c.Desc);
        }
    }

    [Theory]
    [InlineData("1-happy-path.json")]
    [InlineData("2-happy-path.json")]
    [InlineData("3-happy-path.json")]
    [InlineData("4-happy-path.json")]
    public void Every_upstream_corruption_of_a_consistency_vector_fails(string file)
    {
        var v = Load<Consistency>("consistency", file);
        var proof = v.Proof ?? [];
        var wrong = "WrongRoot_WrongRoot_WrongRoot_32"u8.ToArray();
        var cases = new List<(string Desc, long Size1, long Size2, byte[] Root1, byte[] Root2, byte[][] Proof)>
        {
            ("size1 - 1", v.Size1 - 1, v.Size2, v.Root1, v.Root2, proof),
            ("size1 + 1", v.Size1 + 1, v.Size2, v.Root1, v.Root2, proof),
            ("size1 ^ 2", v.Size1 ^ 2, v.Size2, v.Root1, v.Root2, proof),
            ("size2 * 2", v.Size1, v.Size2 * 2, v.Root1, v.Root2, proof),
            ("size2 / 2", v.Size1, v.Size2 / 2, v.Root1, v.Root2, proof),
            ("wrong root1", v.Size1, v.Size2, wrong, v.Root2, proof),
            ("wrong root2", v.Size1, v.Size2, v.Root1, wrong, proof),
            ("swapped roots", v.Size1, v.Size2, v.Root2, v.Root1, proof),
            ("empty proof", v.Size1, v.Size2, v.Root1, v.Root2, []),
            ("trailing garbage", v.Size1, v.Size2, v.Root1, v.Root2, [.. proof, []]),
            ("trailing root1", v.Size1, v.Size2, v.Root1, v.Root2, [.. proof, v.Root1]),
            ("trailing root2", v.Size1, v.Size2, v.Root1, v.Root2, [.. proof, v.Root2]),
            ("preceding garbage", v.Size1, v.Size2, v.Root1, v.Root2, [[], .. proof]),
            ("preceding root1", v.Size1, v.Size2, v.Root1, v.Root2, [v.Root1, .. proof]),
            ("preceding root2", v.Size1, v.Size2, v.Root1, v.Root2, [v.Root2, .. proof]),
            ("preceding proof[0]", v.Size1, v.Size2, v.Root1, v.Root2, [proof[0], .. proof]),
            ("truncated proof", v.Size1, v.Size2, v.Root1, v.Root2, proof[..^1]),
        };
        for (var i = 0; i < proof.Length; i++)
        {
            var modified = proof.Select(h => (byte[])h.Clone()).ToArray();
            modified[i][0] ^= 16;
            cases.Add(($"modified proof[{i}] bit 4", v.Size1, v.Size2, v.Root1, v.Root2, modified));
        }

        foreach (var c in cases)
        {
            Assert.False(MerkleProof.VerifyConsistency(c.Size1, c.Size2, c.Root1, c.Root2, c.Proof), c.Desc);
        }
    }
}
