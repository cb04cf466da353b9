using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace DockGateway.Cloud.Hosting;

/// <summary>
/// Hands Kestrel's socket transport a <see cref="LargeBlockMemoryPool"/> (registered as the
/// <see cref="IMemoryPoolFactory{T}"/>, which the transport asks for each listener): tus chunks arrive in 64 KiB
/// receives rather than 4 KiB ones.
/// </summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
