using System.Net;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>A request body written from a file's chunks, without copying them into one buffer.</summary>
public sealed class ChunkedContent(BenchmarkFile file) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var chunk in file.Chunks)
        {
            await stream.WriteAsync(chunk);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = file.Length;
        return true;
    }
}
