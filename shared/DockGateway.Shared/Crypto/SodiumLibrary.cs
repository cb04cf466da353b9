using System.Runtime.InteropServices;
using SodiumNative = DockGateway.Shared.Interop.Interop.Sodium;

namespace DockGateway.Shared.Crypto;

/// <summary>
/// Loads and initialises libsodium once per process, checking the size constants this code
/// relies on; a missing library becomes an exception naming the Debian package to install.
/// </summary>
internal static class SodiumLibrary
{
    private static readonly Lazy<Exception?> s_failure = new(() => Initialize(SodiumNative.Library), LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized()
    {
        if (s_failure.Value is { } failure)
        {
            throw new InvalidOperationException(failure.Message, failure);
        }
    }

    /// <summary>Loads <paramref name="soname"/> and initialises libsodium; the failure, or null.</summary>
    internal static Exception? Initialize(string soname)
    {
        if (!NativeLibrary.TryLoad(soname, typeof(SodiumLibrary).Assembly, null, out var handle))
        {
            return new DllNotFoundException(
                $"{soname} could not be loaded: install the Debian package {SodiumNative.DebianPackage} (apt-get install {SodiumNative.DebianPackage})");
        }

        NativeLibrary.Free(handle);
        if (SodiumNative.sodium_init() < 0)
        {
            return new InvalidOperationException("sodium_init failed: libsodium could not initialise (no entropy source?)");
        }

        if (SodiumNative.crypto_sign_publickeybytes() != SodiumNative.crypto_sign_PUBLICKEYBYTES
            || SodiumNative.crypto_sign_secretkeybytes() != SodiumNative.crypto_sign_SECRETKEYBYTES
            || SodiumNative.crypto_sign_seedbytes() != SodiumNative.crypto_sign_SEEDBYTES
            || SodiumNative.crypto_sign_bytes() != SodiumNative.crypto_sign_BYTES)
        {
            return new InvalidOperationException("libsodium reports unexpected crypto_sign sizes: incompatible libsodium build");
        }

        return null;
    }
}
