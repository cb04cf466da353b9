using DockGateway.Cloud.Storage;
using Xunit;

namespace DockGateway.Cloud.Tests.Storage;

public sealed class MigrationCatalogTests
{
    private static KeyValuePair<string, Func<string>> File(string name) => new(name, () => "-- " + name);

    [Fact]
    public void Portable_files_and_dialect_pairs_are_picked_in_version_order()
    {
        var files = new[] { File("0101_uploads.sql"), File("0002_pair.postgres.sql"), File("0001_first.sql"), File("0002_pair.sqlite.sql") };
        var sqlite = MigrationCatalog.Select(SqlDialect.Sqlite, files);
        Assert.Equal([1L, 2L, 101L], sqlite.Select(m => m.Version));
        Assert.Equal("-- 0002_pair.sqlite.sql", sqlite[1].Sql);
        Assert.Equal("-- 0002_pair.postgres.sql", MigrationCatalog.Select(SqlDialect.Postgres, files)[1].Sql);
    }

    [Theory]
    [InlineData("0003_half.sqlite.sql")]
    [InlineData("0003_both.sql", "0003_both.sqlite.sql")]
    [InlineData("0003_one.sql", "0003_other.sql")]
    public void Half_pairs_and_duplicate_numbers_are_refused_naming_the_files(params string[] names)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Select(SqlDialect.Sqlite, names.Select(File)));
        Assert.All(names, n => Assert.Contains(n, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Misnamed_file_is_refused_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Select(SqlDialect.Sqlite, [File("registry.sql")]));
        Assert.Contains("registry.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_migrations_are_numbered_and_portable_for_both_dialects()
    {
        var sqlite = MigrationCatalog.For(SqlDialect.Sqlite);
        var postgres = MigrationCatalog.For(SqlDialect.Postgres);
        Assert.Equal(sqlite.Select(m => m.Version), postgres.Select(m => m.Version));
        Assert.Contains(1L, sqlite.Select(m => m.Version));
        Assert.All(sqlite, m => Assert.DoesNotContain("AUTOINCREMENT", m.Sql, StringComparison.OrdinalIgnoreCase));
        Assert.All(postgres, m => Assert.DoesNotMatch(@"(?i)\b\w+\s+(small|big)?serial\s*(,|\)|primary|not\b|null\b)", m.Sql));
    }
}
