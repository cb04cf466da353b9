using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace DockGateway.Cloud.Retrieval;

/// <summary>Streams a stored blob, whole (200) or one byte range (206), with the headers a &lt;video&gt; element needs.</summary>
public static class BlobResponse
{
    private static readonly FileExtensionContentTypeProvider s_types = new();

    public static string ContentTypeFor(string path) =>
        s_types.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    public static async Task WriteAsync(HttpContext http, Stream blob, long size, ByteRange? range, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.Headers.AcceptRanges = "bytes";
        var (first, length) = range is { } r ? (r.First, r.Length) : (0L, size);
        if (range is { } partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {partial.First}-{partial.Last}/{size}");
        }

        response.ContentLength = length;
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        if (first > 0)
        {
            if (blob.CanSeek)
            {
                blob.Seek(first, SeekOrigin.Begin);
            }
            else
            {
                await SkipAsync(blob, first, cancellationToken);
            }
        }

        var buffer = new byte[81920];
        var left = length;
        while (left > 0)
        {
            var read = await blob.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the stored blob ended {left} bytes early");
            }

            await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            left -= read;
        }
    }

    private static async Task SkipAsync(Stream blob, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = await blob.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
            {
                return;
            }

            count -= read;
        }
    }
}
