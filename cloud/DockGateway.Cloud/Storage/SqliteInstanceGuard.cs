using Microsoft.Extensions.Hosting;

namespace DockGateway.Cloud.Storage;

/// <summary>
/// A serving cloud on SQLite holds <see cref="SqliteInstanceLock"/> from start to stop, before the migrations run,
/// so a second instance on the same file stops at start naming it. One-shot commands on the same file
/// (<c>admin-token</c>) run no hosted services and stay possible while the cloud serves.
/// </summary>
public sealed class SqliteInstanceGuard(ICloudDatabase database) : IHostedService, IDisposable
{
    private SqliteInstanceLock? _held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database is SqliteCloudDatabase sqlite)
        {
            _held = SqliteInstanceLock.Take(sqlite.Path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }
}
