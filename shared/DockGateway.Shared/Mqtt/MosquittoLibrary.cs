using System.Runtime.InteropServices;
using MosquittoNative = DockGateway.Shared.Interop.Interop.Mosquitto;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// Loads libmosquitto once per process, checks its version and calls <c>mosquitto_lib_init</c>;
/// a missing library becomes an exception naming the Debian package to install.
/// </summary>
internal static class MosquittoLibrary
{
    /// <summary>The oldest libmosquitto this binding was checked against (Debian 12 ships 2.0.11).</summary>
    internal const int MinimumMajorVersion = 2;

    private static readonly Lazy<Exception?> s_failure = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The loaded library's version, e.g. "2.0.11".</summary>
    public static string Version { get; private set; } = "unknown";

    public static void EnsureInitialized()
    {
        if (s_failure.Value is { } failure)
        {
            throw new MqttException(failure.Message, failure);
        }
    }

    /// <summary>The load check, separated so a test can show the message for a library that is absent.</summary>
    internal static DllNotFoundException? CheckLoadable(string soname, string debianPackage)
    {
        if (!NativeLibrary.TryLoad(soname, typeof(MosquittoLibrary).Assembly, null, out var handle))
        {
            return new DllNotFoundException(
                $"{soname} could not be loaded: install the Debian package {debianPackage} (apt-get install {debianPackage})");
        }

        NativeLibrary.Free(handle);
        return null;
    }

    private static Exception? Initialize()
    {
        if (CheckLoadable(MosquittoNative.Library, MosquittoNative.DebianPackage) is { } missing)
        {
            return missing;
        }

        MosquittoNative.mosquitto_lib_version(out var major, out var minor, out var revision);
        Version = $"{major}.{minor}.{revision}";
        if (major < MinimumMajorVersion)
        {
            return new InvalidOperationException(
                $"{MosquittoNative.Library} is version {Version}; DockGateway needs {MinimumMajorVersion}.0 or later (Debian package {MosquittoNative.DebianPackage})");
        }

        var rc = MosquittoNative.mosquitto_lib_init();
        if (rc != MosquittoNative.MOSQ_ERR_SUCCESS)
        {
            return new InvalidOperationException($"mosquitto_lib_init failed: {MosquittoNative.ErrorText(rc)}");
        }

        // Released once at process end, after every connection has been disposed.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Interlocked.CompareExchange(ref s_liveConnections, 0, 0) == 0)
            {
                _ = MosquittoNative.mosquitto_lib_cleanup();
            }
        };
        return null;
    }

    private static int s_liveConnections;

    internal static void ConnectionCreated() => Interlocked.Increment(ref s_liveConnections);

    internal static void ConnectionDestroyed() => Interlocked.Decrement(ref s_liveConnections);
}
