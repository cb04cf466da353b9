using DockGateway.Shared.Crypto;
using Xunit;

namespace DockGateway.Shared.Tests.Crypto;

public class Ed25519Tests
{
    // RFC 8032 §7.1 TEST 1, 2 and 3: secret key (seed), public key, message, signature.
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Rfc8032_vectors_give_the_published_public_key_and_signature(string seed, string publicKey, string message, string signature)
    {
        using var key = Ed25519PrivateKey.FromSeed(Convert.FromHexString(seed));

        Assert.Equal(publicKey, Convert.ToHexStringLower(key.PublicKey));
        Assert.Equal(signature, Convert.ToHexStringLower(key.Sign(Convert.FromHexString(message))));
        Assert.True(Ed25519.Verify(key.PublicKey, Convert.FromHexString(message), Convert.FromHexString(signature)));
    }

    [Fact]
    public void Rfc8032_test_1024_with_a_1023_byte_message_matches()
    {
        var fields = File.ReadAllLines(TestData.PathOf("Crypto", "TestData", "rfc8032-test1024.txt"))
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => Convert.FromHexString(p[1]));
        Assert.Equal(1023, fields["message"].Length);

        using var key = Ed25519PrivateKey.FromSeed(fields["secret"]);

        Assert.Equal(fields["public"], key.PublicKey);
        Assert.Equal(fields["signature"], key.Sign(fields["message"]));
        Assert.True(Ed25519.Verify(fields["public"], fields["message"], fields["signature"]));
    }

    [Fact]
    public void A_flipped_bit_in_message_signature_or_key_fails_verification()
    {
        using var key = Ed25519PrivateKey.Generate();
        var message = "custody entry"u8.ToArray();
        var signature = key.Sign(message);
        Assert.True(Ed25519.Verify(key.PublicKey, message, signature));

        for (var bit = 0; bit < 8; bit++)
        {
            var badMessage = (byte[])message.Clone();
            badMessage[3] ^= (byte)(1 << bit);
            var badSignature = (byte[])signature.Clone();
            badSignature[bit * 8] ^= 1;
            var badKey = key.PublicKey;
            badKey[bit * 4] ^= 1;

            Assert.False(Ed25519.Verify(key.PublicKey, badMessage, signature));
            Assert.False(Ed25519.Verify(key.PublicKey, message, badSignature));
            Assert.False(Ed25519.Verify(badKey, message, signature));
        }
    }

    [Fact]
    public void Verify_returns_false_for_wrong_lengths_instead_of_throwing()
    {
        using var key = Ed25519PrivateKey.Generate();
        var signature = key.Sign([1, 2, 3]);

        Assert.False(Ed25519.Verify(key.PublicKey.AsSpan(0, 31), [1, 2, 3], signature));
        Assert.False(Ed25519.Verify(key.PublicKey, [1, 2, 3], signature.AsSpan(0, 63)));
        Assert.False(Ed25519.Verify([], [1, 2, 3], []));
        Assert.False(Ed25519.Verify(new byte[32], [1, 2, 3], new byte[64]));
    }

    [Fact]
    public void Generated_keys_differ_and_round_trip_through_their_seed()
    {
        using var first = Ed25519PrivateKey.Generate();
        using var second = Ed25519PrivateKey.Generate();
        Assert.NotEqual(first.PublicKey, second.PublicKey);

        var seed = new byte[32];
        first.CopySeedTo(seed);
        using var again = Ed25519PrivateKey.FromSeed(seed);
        Assert.Equal(first.PublicKey, again.PublicKey);
        Assert.Equal(first.Sign("x"u8), again.Sign("x"u8));
    }

    [Fact]
    public void A_seed_of_the_wrong_length_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Ed25519PrivateKey.FromSeed(new byte[31]));
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_key_refuses_to_sign()
    {
        var key = Ed25519PrivateKey.Generate();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign("x"u8));
        Assert.Throws<ObjectDisposedException>(() => key.CopySeedTo(new byte[32]));
    }

    [Fact]
    public void Public_key_is_a_copy_that_callers_cannot_corrupt()
    {
        using var key = Ed25519PrivateKey.Generate();
        var copy = key.PublicKey;
        copy[0] ^= 0xff;
        Assert.NotEqual(copy, key.PublicKey);
    }
}
