using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>
/// A dock's side of a tus upload, signed per RFC 9421 by <see cref="HttpRequestSigner"/> (covering the
/// tus headers) with each chunk's Content-Digest computed ahead (as a dock does while reading the file).
/// </summary>
public sealed class TusBenchmarkClient(HttpClient http, string dockId, Ed25519PrivateKey key, string creationPath = "/api/v1/uploads/")
{
    private readonly HttpRequestSigner _signer = new(dockId, key, TimeProvider.System);

    public async Task UploadAsync(BenchmarkFile file, int entry)
    {
        var metadata = string.Join(",",
            "sha256 " + B64(file.Sha256), "size " + B64(file.Length.ToString(CultureInfo.InvariantCulture)),
            "entry " + B64(entry.ToString(CultureInfo.InvariantCulture)));
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri(http.BaseAddress!, creationPath));
        create.Headers.Add("Tus-Resumable", "1.0.0");
        create.Headers.Add("Upload-Length", file.Length.ToString(CultureInfo.InvariantCulture));
        create.Headers.Add("Upload-Metadata", metadata);
        create.Content = new ByteArrayContent([]);
        Sign(create, ContentDigest.Sha256([]));
        using var created = await http.SendAsync(create);
        Expect(created, HttpStatusCode.Created);
        var location = new Uri(http.BaseAddress!, created.Headers.Location!);

        long offset = 0;
        for (var i = 0; i < file.Chunks.Count; i++)
        {
            var chunk = file.Chunks[i];
            using var patch = new HttpRequestMessage(HttpMethod.Patch, location);
            patch.Headers.Add("Tus-Resumable", "1.0.0");
            patch.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
            MemoryMarshal.TryGetArray(chunk, out var segment);
            patch.Content = new ByteArrayContent(segment.Array!, segment.Offset, segment.Count);
            patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
            Sign(patch, file.ChunkDigests[i]);
            using var response = await http.SendAsync(patch);
            Expect(response, HttpStatusCode.NoContent);
            offset += chunk.Length;
        }
    }

    private void Sign(HttpRequestMessage request, string digest) => _signer.Sign(request, digest);

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: "
                + response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }
    }

    private static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
