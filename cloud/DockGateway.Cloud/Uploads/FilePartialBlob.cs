using DockGateway.Shared.Storage;

namespace DockGateway.Cloud.Uploads;

/// <summary>A partial upload in the local staging directory, opened for appending.</summary>
internal sealed class FilePartialBlob(FileStream stream) : IPartialBlob
{
    public Stream Content => stream;

    public void StartWriteback() => Writeback.Start(stream.SafeFileHandle);

    /// <summary>fdatasync(2): the appended bytes and the file's new size, which is all an append changes that a read needs.</summary>
    public Task FlushDurablyAsync(CancellationToken cancellationToken)
    {
        DataSync.Flush(stream);
        return Task.CompletedTask;
    }

    public void Truncate(long length)
    {
        stream.SetLength(length);
        stream.Position = length;
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
