using DockGateway.Device.Slots;

namespace DockGateway.Device.Simulation;

/// <summary>A simulated recorder's storage: the folder <c>slots/&lt;n&gt;/volume/</c>. Untrusted like a real one.</summary>
public sealed class SimulatedVolume(string rootPath, bool isReadOnly) : IRecorderVolume
{
    public string RootPath { get; } = rootPath;

    public bool IsReadOnly { get; } = isReadOnly;

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
