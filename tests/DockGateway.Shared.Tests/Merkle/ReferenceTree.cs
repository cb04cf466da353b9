using System.Security.Cryptography;

namespace DockGateway.Shared.Tests.Merkle;

/// <summary>RFC 6962 §2.1 MTH written straight from the definition, to check the cached tree against.</summary>
internal static class ReferenceTree
{
    /// <summary>The RFC 6962 reference leaves used by transparency-dev/merkle (and STANDARDS.md).</summary>
    public static readonly byte[][] Leaves =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, int start, int count)
    {
        if (count == 0)
        {
            return SHA256.HashData([]);
        }

        if (count == 1)
        {
            return leafHashes[start];
        }

        var k = 1;
        while (k * 2 < count)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. Root(leafHashes, start, k), .. Root(leafHashes, start + k, count - k)]);
    }
}
