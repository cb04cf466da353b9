using System.Runtime.InteropServices;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Interop;

/// <summary>libsodium 1.0.18 (Debian package libsodium23), bound by its exact soname.</summary>
internal static partial class Interop
{
    internal static partial class Sodium
    {
        internal const string Library = "libsodium.so.23";
        internal const string DebianPackage = "libsodium23";

        internal const int crypto_sign_PUBLICKEYBYTES = 32;
        internal const int crypto_sign_SECRETKEYBYTES = 64;
        internal const int crypto_sign_SEEDBYTES = 32;
        internal const int crypto_sign_BYTES = 64;

        [LibraryImport(Library)]
        internal static partial int sodium_init();

        [LibraryImport(Library)]
        internal static partial nuint crypto_sign_publickeybytes();

        [LibraryImport(Library)]
        internal static partial nuint crypto_sign_secretkeybytes();

        [LibraryImport(Library)]
        internal static partial nuint crypto_sign_seedbytes();

        [LibraryImport(Library)]
        internal static partial nuint crypto_sign_bytes();

        [LibraryImport(Library)]
        internal static partial int crypto_sign_seed_keypair(
            Span<byte> pk,
            SecureMemoryHandle sk,
            ReadOnlySpan<byte> seed);

        [LibraryImport(Library)]
        internal static partial int crypto_sign_detached(
            Span<byte> sig,
            out ulong siglen_p,
            ReadOnlySpan<byte> m,
            ulong mlen,
            SecureMemoryHandle sk);

        [LibraryImport(Library)]
        internal static partial int crypto_sign_verify_detached(
            ReadOnlySpan<byte> sig,
            ReadOnlySpan<byte> m,
            ulong mlen,
            ReadOnlySpan<byte> pk);

        [LibraryImport(Library)]
        internal static partial SecureMemoryHandle sodium_malloc(nuint size);

        [LibraryImport(Library)]
        internal static partial void sodium_free(nint ptr);

        [LibraryImport(Library)]
        internal static partial void sodium_memzero(nint pnt, nuint len);

        [LibraryImport(Library)]
        internal static partial void randombytes_buf(Span<byte> buf, nuint size);
    }
}
