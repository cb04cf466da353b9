using System.Data.Common;
using DockGateway.Cloud.Hosting;
using Microsoft.Extensions.Hosting;

namespace DockGateway.Cloud.Storage;

/// <summary>Brings the schema up to date before the server accepts requests.</summary>
public sealed class DatabaseMigrationService(ICloudDatabase database, MigrationRunner runner) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runner.ApplyAsync(MigrationCatalog.For(database.Dialect), cancellationToken);
        }
        catch (DbException ex)
        {
            var key = database.Dialect == SqlDialect.Postgres ? "Cloud:Database:Postgres" : "Cloud:DataDirectory / Cloud:Database:SqliteFile";
            throw new StartupRefusedException($"The database configured by {key} cannot be opened or migrated: {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
