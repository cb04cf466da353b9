using System.Security.Cryptography;

namespace DockGateway.Shared.Merkle;

/// <summary>RFC 6962 / RFC 9162 §2.1 hashing: SHA-256 with 0x00 leaf and 0x01 node prefixes.</summary>
public static class MerkleHash
{
    public const int Size = 32;

    private static readonly byte[] s_empty = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The root of the empty tree, SHA-256 of nothing (a fresh copy).</summary>
    public static byte[] Empty => (byte[])s_empty.Clone();

    /// <summary>SHA-256(0x00 ‖ entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(entry);
        return hash.GetHashAndReset();
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Size)];
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"node children must be {Size}-byte hashes, got {left.Length} and {right.Length}");
        }

        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        return SHA256.HashData(input);
    }
}
