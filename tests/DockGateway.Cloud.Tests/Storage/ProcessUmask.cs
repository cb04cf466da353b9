using System.Runtime.InteropServices;

namespace DockGateway.Cloud.Tests.Storage;

/// <summary>Sets the test process's umask (umask(2)) for a block and restores it.</summary>
internal static partial class ProcessUmask
{
    public static IDisposable Set(int mask) => new Restore(umask(mask));

    [LibraryImport("libc", SetLastError = false)]
    private static partial int umask(int mask);

    private sealed class Restore(int previous) : IDisposable
    {
        public void Dispose() => _ = umask(previous);
    }
}
