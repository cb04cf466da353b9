using DockGateway.Shared.Storage;
using DockGateway.Cloud.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Storage;

/// <summary>Registers the cloud's database, its one-instance guard on SQLite, and its migrations.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// PostgreSQL when Cloud:Database:Postgres is set, otherwise SQLite (Cloud:Database:SqliteFile in
    /// Cloud:DataDirectory); the migrations run before the server listens.
    /// </summary>
    public static IServiceCollection AddCloudStorage(this IServiceCollection services)
    {
        services.AddSingleton(OpenDatabase);
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<SqliteInstanceGuard>();
        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }

    private static ICloudDatabase OpenDatabase(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CloudOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.Database.Postgres))
        {
            return new PostgresCloudDatabase(options.Database.Postgres);
        }

        var dataDirectory = Path.GetFullPath(options.DataDirectory, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        OwnerOnly.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, options.Database.SqliteFile);
        OwnerOnly.CreateDirectory(Path.GetDirectoryName(file)!);
        OwnerOnly.CreateFileIfMissing(file); // 0600; SQLite gives its -wal and -shm the database file's mode
        return new SqliteCloudDatabase(file);
    }
}
