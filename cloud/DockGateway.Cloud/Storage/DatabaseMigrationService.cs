using Microsoft.Extensions.Hosting;

namespace DockGateway.Cloud.Storage;

/// <summary>Brings the schema up to date before the server accepts requests.</summary>
public sealed class DatabaseMigrationService(ICloudDatabase database, MigrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        runner.ApplyAsync(MigrationCatalog.For(database.Dialect), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
