using Dapper;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Storage;

/// <summary>
/// Applies pending migrations in version order, each in its own transaction together with its row in
/// <c>schema_migrations</c>, so a migration is applied exactly once or not at all. On PostgreSQL an
/// advisory lock serialises several cloud instances starting at once; on SQLite the immediate
/// transaction does.
/// </summary>
public sealed class MigrationRunner(ICloudDatabase database, TimeProvider time, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x646F636B67770001; // "dockgw" + 1

    public async Task<IReadOnlyList<long>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var applied = new List<long>();
        foreach (var migration in migrations)
        {
            var done = await database.InTransactionAsync(
                async (connection, transaction) =>
                {
                    if (database.Dialect == SqlDialect.Postgres)
                    {
                        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey }, transaction);
                    }

                    var exists = await connection.ExecuteScalarAsync<long>(
                        "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version = migration.Version }, transaction);
                    if (exists > 0)
                    {
                        return false;
                    }

                    await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                    await connection.ExecuteAsync(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @at)",
                        new { migration.Version, migration.Name, at = time.GetUtcNow().ToUnixTimeMilliseconds() },
                        transaction);
                    return true;
                },
                cancellationToken);
            if (done)
            {
                logger.LogInformation("Applied migration {Version} {Name} ({Dialect})", migration.Version, migration.Name, database.Dialect);
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Dialect == SqlDialect.Sqlite)
        {
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            cancellationToken: cancellationToken));
    }
}
