using System.Reflection;
using System.Text.RegularExpressions;

namespace DockGateway.Cloud.Storage;

/// <summary>
/// Finds the migrations embedded in this assembly (any folder's <c>Migrations/*.sql</c>, logical name
/// <c>migrations/NNNN_name[.sqlite|.postgres].sql</c>) and picks, per version, the file for a dialect.
/// A version either has one portable file, or one file per dialect (both must exist).
/// </summary>
public static partial class MigrationCatalog
{
    private const string Prefix = "migrations/";

    public static IReadOnlyList<Migration> For(SqlDialect dialect) => For(dialect, typeof(MigrationCatalog).Assembly);

    public static IReadOnlyList<Migration> For(SqlDialect dialect, Assembly assembly) =>
        Select(dialect, assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => new KeyValuePair<string, Func<string>>(n[Prefix.Length..], () => Read(assembly, n))));

    /// <summary>Picks the migrations for <paramref name="dialect"/> from file names and their contents.</summary>
    public static IReadOnlyList<Migration> Select(SqlDialect dialect, IEnumerable<KeyValuePair<string, Func<string>>> files)
    {
        var parsed = new List<(long Version, string Name, string? Dialect, string File, Func<string> Read)>();
        foreach (var (file, read) in files)
        {
            var match = FileName().Match(file);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration file '{file}' is not named NNNN_name[.sqlite|.postgres].sql.");
            }

            parsed.Add((long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups[2].Value, match.Groups[3].Success ? match.Groups[3].Value : null, file, read));
        }

        var wanted = dialect == SqlDialect.Sqlite ? "sqlite" : "postgres";
        var result = new List<Migration>();
        foreach (var version in parsed.GroupBy(f => f.Version).OrderBy(g => g.Key))
        {
            var names = version.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count();
            var portable = version.Where(f => f.Dialect is null).ToList();
            var specific = version.Where(f => f.Dialect == wanted).ToList();
            var paired = version.Count(f => f.Dialect is not null);
            var valid = names == 1 && ((portable.Count == 1 && paired == 0) || (portable.Count == 0 && paired == 2 && specific.Count == 1));
            if (!valid)
            {
                throw new InvalidOperationException(
                    $"Migration {version.Key:D4} must be one portable file or a .sqlite.sql/.postgres.sql pair with one name; found: "
                    + string.Join(", ", version.Select(f => f.File).Order(StringComparer.Ordinal)));
            }

            var chosen = portable.Count == 1 ? portable[0] : specific[0];
            result.Add(new Migration(version.Key, chosen.Name, chosen.Read()));
        }

        return result;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)(?:\.(sqlite|postgres))?\.sql$")]
    private static partial Regex FileName();
}
