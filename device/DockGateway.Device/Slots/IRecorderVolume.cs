namespace DockGateway.Device.Slots;

/// <summary>
/// A recorder's storage, mounted (or, in simulation, a plain folder) and ready to read.
/// From here on simulated and real recorders take the same ingest path.
/// </summary>
public interface IRecorderVolume : IAsyncDisposable
{
    /// <summary>The folder whose contents are the recorder's files. Nothing outside it is ever read.</summary>
    string RootPath { get; }

    /// <summary>True when files cannot be erased (a write-protected card): ingest, but never wipe.</summary>
    bool IsReadOnly { get; }

    /// <summary>Flushes erasures to the medium before the recorder is released.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
