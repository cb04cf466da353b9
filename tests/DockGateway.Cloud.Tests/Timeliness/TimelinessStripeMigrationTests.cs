using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Cloud.Tests.Timeliness;

/// <summary>Migration 0750 on a database holding the single all-agency rows of 0501: each day's figures survive in the stripes.</summary>
public abstract class TimelinessStripeMigrationTests
{
    /// <summary>A new, empty database of the variant's kind, and what removes it.</summary>
    protected abstract Task<(ICloudDatabase Database, Func<ValueTask> Remove)> CreateAsync();

    [VariantFact]
    public async Task Each_days_all_agency_figures_move_into_the_stripes_and_the_single_row_table_is_gone()
    {
        var (database, remove) = await CreateAsync();
        try
        {
            var runner = new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
            var migrations = MigrationCatalog.For(database.Dialect);
            await runner.ApplyAsync(migrations.Where(m => m.Version < 750).ToList(), CancellationToken.None);
            await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync("INSERT INTO timeliness_days_all (day_utc8, recordings, within_day) VALUES (20400, 5, 3), (20401, 7, 7)");

            Assert.Contains(750L, await runner.ApplyAsync(migrations, CancellationToken.None));
            var days = (await connection.QueryAsync<(long Day, long Recordings, long WithinDay)>(
                "SELECT day_utc8, CAST(SUM(recordings) AS BIGINT), CAST(SUM(within_day) AS BIGINT) FROM timeliness_day_stripes GROUP BY day_utc8 ORDER BY day_utc8")).ToList();
            Assert.Equal([(20400L, 5L, 3L), (20401L, 7L, 7L)], days);
            await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM timeliness_days_all"));
        }
        finally
        {
            await remove();
        }
    }
}

public sealed class TimelinessStripeMigrationTestsOnSqlite : TimelinessStripeMigrationTests
{
    protected override Task<(ICloudDatabase Database, Func<ValueTask> Remove)> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("dockgw-0750-");
        return Task.FromResult<(ICloudDatabase, Func<ValueTask>)>((new SqliteCloudDatabase(Path.Combine(directory.FullName, "cloud.db")), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }));
    }
}

[VariantNeeds(Needs.Postgres)]
public sealed class TimelinessStripeMigrationTestsOnPostgres : TimelinessStripeMigrationTests
{
    protected override async Task<(ICloudDatabase Database, Func<ValueTask> Remove)> CreateAsync()
    {
        var created = await PostgresTestDatabase.CreateAsync("m0750");
        var database = new PostgresCloudDatabase(created.ConnectionString);
        return (database, async () =>
        {
            await database.DisposeAsync();
            await created.DisposeAsync();
        });
    }
}
