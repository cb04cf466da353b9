using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.Tests.Enrolment;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>tus 1.0.0 requests written out by hand, as the spec describes them.</summary>
public static class TusRequests
{
    public static string Sha256Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Metadata(string sha256, long size, long entry, string fileName = "clip.mp4") =>
        string.Join(",",
            $"sha256 {B64(sha256)}", $"size {B64(size.ToString(CultureInfo.InvariantCulture))}",
            $"entry {B64(entry.ToString(CultureInfo.InvariantCulture))}", $"filename {B64(fileName)}", $"recorder {B64("CAM-0001")}");

    public static HttpRequestMessage Create(long length, string metadata, bool tusResumable = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads/");
        if (tusResumable)
        {
            request.Headers.Add("Tus-Resumable", "1.0.0");
        }
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", metadata);
        return request;
    }

    public static HttpRequestMessage Patch(string location, long offset, byte[]? checksumBytes = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, location);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        if (checksumBytes is not null)
        {
            request.Headers.Add("Upload-Checksum", "sha256 " + Convert.ToBase64String(SHA256.HashData(checksumBytes)));
        }
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return request;
    }

    public static HttpRequestMessage Head(string location)
    {
        var request = new HttpRequestMessage(HttpMethod.Head, location);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    public static HttpRequestMessage Delete(string location)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, location);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    public static long Offset(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends a signed PATCH for <paramref name="chunk"/> over a raw socket but writes only the first
    /// <paramref name="sent"/> bytes of the body before closing the connection: an interrupted upload.
    /// </summary>
    public static async Task SendCutOffPatchAsync(TestDock dock, string location, long offset, byte[] chunk, int sent)
    {
        var request = Patch(location, offset);
        request.RequestUri = new Uri(dock.Host.BaseAddress, location);
        dock.Signer().Sign(request, chunk);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"PATCH {request.RequestUri.PathAndQuery} HTTP/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {request.RequestUri.Authority}\r\n");
        foreach (var header in request.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{header.Key}: {string.Join(", ", header.Value)}\r\n");
        }
        head.Append("Content-Type: application/offset+octet-stream\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {chunk.Length}\r\n\r\n");

        using var socket = new TcpClient();
        await socket.ConnectAsync(request.RequestUri.Host, request.RequestUri.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(chunk.AsMemory(0, sent));
        await stream.FlushAsync();
        await Task.Delay(200);
        socket.Client.Shutdown(SocketShutdown.Both);
    }

    private static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
