using DockGateway.Shared.Storage;

namespace DockGateway.Cloud.Uploads;

/// <summary>A partial upload in the local staging directory, opened for appending.</summary>
internal sealed class FilePartialBlob(FileStream stream) : IPartialBlob
{
    public Stream Content => stream;

    public void StartWriteback() => Writeback.Start(stream.SafeFileHandle);

    public async Task FlushDurablyAsync(CancellationToken cancellationToken)
    {
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    public void Truncate(long length)
    {
        stream.SetLength(length);
        stream.Position = length;
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
