using System.Runtime.InteropServices;
using DockGateway.Shared.Mqtt;

namespace DockGateway.Shared.Interop;

/// <summary>libmosquitto 2.0 (Debian package libmosquitto1), bound by its exact soname.</summary>
internal static partial class Interop
{
    internal static unsafe partial class Mosquitto
    {
        internal const string Library = "libmosquitto.so.1";
        internal const string DebianPackage = "libmosquitto1";

        internal const int MOSQ_ERR_SUCCESS = 0;
        internal const int MOSQ_ERR_NOMEM = 1;
        internal const int MOSQ_ERR_INVAL = 3;
        internal const int MOSQ_ERR_NO_CONN = 4;
        internal const int MOSQ_ERR_ERRNO = 14;

        /// <summary><c>struct mosquitto_message</c>: 40 bytes on 64-bit, pointers as nint so 32-bit ARM lays out right.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct mosquitto_message
        {
            public int mid;
            public nint topic;
            public nint payload;
            public int payloadlen;
            public int qos;
            public byte retain;
        }

        [LibraryImport(Library)]
        internal static partial int mosquitto_lib_version(out int major, out int minor, out int revision);

        [LibraryImport(Library)]
        internal static partial int mosquitto_lib_init();

        [LibraryImport(Library)]
        internal static partial int mosquitto_lib_cleanup();

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial MosquittoHandle mosquitto_new(string? id, [MarshalAs(UnmanagedType.U1)] bool clean_session, nint obj);

        [LibraryImport(Library)]
        internal static partial void mosquitto_destroy(nint mosq);

        [LibraryImport(Library)]
        internal static partial int mosquitto_threaded_set(MosquittoHandle mosq, [MarshalAs(UnmanagedType.U1)] bool threaded);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int mosquitto_username_pw_set(MosquittoHandle mosq, string? username, string? password);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int mosquitto_will_set(MosquittoHandle mosq, string topic, int payloadlen, ReadOnlySpan<byte> payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int mosquitto_tls_set(MosquittoHandle mosq, string? cafile, string? capath, string? certfile, string? keyfile, nint pw_callback);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int mosquitto_connect_async(MosquittoHandle mosq, string host, int port, int keepalive);

        [LibraryImport(Library, SetLastError = true)]
        internal static partial int mosquitto_reconnect_async(MosquittoHandle mosq);

        [LibraryImport(Library)]
        internal static partial int mosquitto_disconnect(MosquittoHandle mosq);

        [LibraryImport(Library, SetLastError = true)]
        internal static partial int mosquitto_loop(MosquittoHandle mosq, int timeout, int max_packets);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int mosquitto_publish(MosquittoHandle mosq, out int mid, string topic, int payloadlen, ReadOnlySpan<byte> payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int mosquitto_subscribe(MosquittoHandle mosq, out int mid, string sub, int qos);

        [LibraryImport(Library)]
        internal static partial void mosquitto_connect_callback_set(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, void> on_connect);

        [LibraryImport(Library)]
        internal static partial void mosquitto_disconnect_callback_set(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, void> on_disconnect);

        [LibraryImport(Library)]
        internal static partial void mosquitto_publish_callback_set(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, void> on_publish);

        [LibraryImport(Library)]
        internal static partial void mosquitto_message_callback_set(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, mosquitto_message*, void> on_message);

        [LibraryImport(Library)]
        internal static partial void mosquitto_subscribe_callback_set(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, int*, void> on_subscribe);

        [LibraryImport(Library)]
        internal static partial void mosquitto_log_callback_set(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, byte*, void> on_log);

        /// <summary>Returns a string the library owns: declared as byte* so the marshaller never frees it.</summary>
        [LibraryImport(Library)]
        internal static partial byte* mosquitto_strerror(int mosq_errno);

        [LibraryImport(Library)]
        internal static partial byte* mosquitto_connack_string(int connack_code);

        internal static string ErrorText(int rc) =>
            rc == MOSQ_ERR_ERRNO
                ? $"{Marshal.PtrToStringUTF8((nint)mosquitto_strerror(rc))} ({Marshal.GetLastPInvokeErrorMessage()})"
                : Marshal.PtrToStringUTF8((nint)mosquitto_strerror(rc)) ?? $"error {rc}";

        internal static string ConnackText(int code) =>
            Marshal.PtrToStringUTF8((nint)mosquitto_connack_string(code)) ?? $"connack {code}";
    }
}
