using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Cloud.Tests.Storage;

public abstract class StorageTests(CloudHostFixture fixture)
{
    private ICloudDatabase Database => fixture.Host.Services.GetRequiredService<ICloudDatabase>();

    [VariantFact]
    public async Task Transaction_that_throws_leaves_nothing_behind()
    {
        var code = "TX-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    "INSERT INTO agencies (code, name, class, officer_count, legal_review_staff, created_at, updated_at) VALUES (@code, 'n', 'A', 1, 0, 0, 0)",
                    new { code }, transaction);
                throw new InvalidOperationException("abandon");
            },
            CancellationToken.None));
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code = @code", new { code }));
    }

    [VariantFact]
    public async Task Migrations_run_again_apply_nothing()
    {
        var runner = new MigrationRunner(Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
        Assert.Empty(await runner.ApplyAsync(MigrationCatalog.For(Database.Dialect), CancellationToken.None));
    }

    [VariantFact]
    public async Task Failing_migration_is_rolled_back_and_not_recorded()
    {
        var runner = new MigrationRunner(Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
        var broken = new Migration(9999, "broken", "CREATE TABLE half_done (id TEXT PRIMARY KEY); INSERT INTO no_such_table VALUES (1);");
        await Assert.ThrowsAnyAsync<Exception>(() => runner.ApplyAsync([broken], CancellationToken.None));
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = 9999"));
        var table = Database.Dialect == SqlDialect.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half_done'";
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(table));
    }

    [VariantFact]
    public async Task Foreign_keys_are_enforced()
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync(
            "INSERT INTO officers (agency_code, badge_number, name, created_at, updated_at) VALUES ('NO-AGENCY', '1', 'n', 0, 0)"));
    }

    [VariantFact]
    public async Task Timestamps_round_trip_as_unix_milliseconds()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_763_776_000_123);
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        Assert.Equal(at, await connection.ExecuteScalarAsync<DateTimeOffset>("SELECT @at", new { at }));
        Assert.Equal(1_763_776_000_123, await connection.ExecuteScalarAsync<long>("SELECT @at", new { at }));
    }
}

public sealed class StorageTestsOnSqlite(SqliteHostFixture fixture) : StorageTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class StorageTestsOnPostgres(PostgresHostFixture fixture) : StorageTests(fixture), IClassFixture<PostgresHostFixture>;
