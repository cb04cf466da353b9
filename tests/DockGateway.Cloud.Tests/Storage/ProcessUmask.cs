using Tmds.Linux;

namespace DockGateway.Cloud.Tests.Storage;

/// <summary>Sets the test process's umask (umask(2), through Tmds.LibC) for a block and restores it.</summary>
internal static class ProcessUmask
{
    public static IDisposable Set(int mask) => new Restore((ushort)LibC.umask((ushort)mask));

    private sealed class Restore(int previous) : IDisposable
    {
        public void Dispose() => _ = LibC.umask((ushort)previous);
    }
}
