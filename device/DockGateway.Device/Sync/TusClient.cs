using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Sync;

/// <summary>
/// A tus 1.0.0 client (core + creation + checksum with sha256) for the cloud's <c>api/v1/uploads/</c>.
/// The <see cref="HttpClient"/> it is given signs every request (RFC 9421, <c>SigningHandler</c>), covering
/// the tus headers set here (Tus-Resumable, Upload-Length, Upload-Metadata, Upload-Offset, Upload-Checksum).
/// Metadata: sha256, size, entry (custody index), filename, recorder. The cloud's signed receipt
/// comes back in <c>Upload-Receipt</c> (base64 of the note) when the file's full SHA-256 matched.
/// </summary>
public sealed class TusClient(HttpClient http)
{
    public const string Version = "1.0.0";

    public async Task<TusResponse> CreateAsync(UploadItem item, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/uploads/");
        request.Headers.Add("Tus-Resumable", Version);
        request.Headers.Add("Upload-Length", item.Size.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", Metadata(item));
        request.Content = new ByteArrayContent([]);
        return await SendAsync(request, cancellationToken);
    }

    public async Task<TusResponse> HeadAsync(Uri upload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, upload);
        request.Headers.Add("Tus-Resumable", Version);
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>Appends one chunk at <paramref name="offset"/> with its own <c>Upload-Checksum: sha256</c>.</summary>
    public async Task<TusResponse> PatchAsync(Uri upload, long offset, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, upload);
        request.Headers.Add("Tus-Resumable", Version);
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Checksum", "sha256 " + Convert.ToBase64String(SHA256.HashData(chunk.Span)));
        request.Content = new ReadOnlyMemoryContent(chunk);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="length"/> bytes of <paramref name="file"/> at <paramref name="offset"/>: read once to
    /// hash them for <c>Upload-Checksum</c>, then streamed (<see cref="FileChunkContent"/>), never held whole in memory.
    /// </summary>
    public async Task<TusResponse> PatchAsync(Uri upload, long offset, SafeFileHandle file, int length, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var slice in FileChunkContent.ReadAsync(file, offset, length, cancellationToken))
        {
            hash.AppendData(slice.Span);
        }

        using var request = new HttpRequestMessage(HttpMethod.Patch, upload);
        request.Headers.Add("Tus-Resumable", Version);
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        var sha256 = hash.GetHashAndReset();
        request.Headers.Add("Upload-Checksum", "sha256 " + Convert.ToBase64String(sha256));
        request.Content = new FileChunkContent(file, offset, length, sha256);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await SendAsync(request, cancellationToken);
    }

    internal static string Metadata(UploadItem item)
    {
        var pairs = new List<string>
        {
            Pair("sha256", item.Sha256),
            Pair("size", item.Size.ToString(CultureInfo.InvariantCulture)),
            Pair("entry", item.Entry.ToString(CultureInfo.InvariantCulture)),
            Pair("filename", Path.GetFileName(item.Stored)),
        };
        if (item.Recorder is not null)
        {
            pairs.Add(Pair("recorder", item.Recorder));
        }

        return string.Join(',', pairs);

        static string Pair(string key, string value) => key + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
    }

    private async Task<TusResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        long? offset = response.Headers.TryGetValues("Upload-Offset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var location = response.Headers.Location is { } l ? new Uri(http.BaseAddress!, l) : null;
        string? receipt = null;
        if (response.Headers.TryGetValues("Upload-Receipt", out var receipts))
        {
            receipt = Encoding.UTF8.GetString(Convert.FromBase64String(receipts.First()));
        }

        string? problem = null;
        if (!response.IsSuccessStatusCode && request.Method != HttpMethod.Head)
        {
            problem = await response.Content.ReadAsStringAsync(cancellationToken);
        }

        return new TusResponse((int)response.StatusCode, offset, location, receipt, problem);
    }
}
