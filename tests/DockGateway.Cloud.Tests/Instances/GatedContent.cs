using System.Net;

namespace DockGateway.Cloud.Tests.Instances;

/// <summary>A request body sent in two halves: the first at once, the second once <see cref="Release"/> is called,
/// so the request is still in progress (holding the upload's lock) meanwhile.</summary>
public sealed class GatedContent(byte[] body) : HttpContent
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first half has been written and flushed.</summary>
    public Task FirstHalfSent => _firstHalfSent.Task;

    public void Release() => _gate.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var half = body.Length / 2;
        await stream.WriteAsync(body.AsMemory(0, half));
        await stream.FlushAsync();
        _firstHalfSent.TrySetResult();
        await _gate.Task;
        await stream.WriteAsync(body.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
