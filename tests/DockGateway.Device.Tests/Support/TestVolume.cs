using DockGateway.Device.Slots;

namespace DockGateway.Device.Tests.Support;

/// <summary>A recorder volume over a temporary folder (the hardware edge faked).</summary>
public sealed class TestVolume(string rootPath, bool isReadOnly = false) : IRecorderVolume
{
    public string RootPath { get; } = rootPath;

    public bool IsReadOnly { get; } = isReadOnly;

    public int Flushes { get; private set; }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
