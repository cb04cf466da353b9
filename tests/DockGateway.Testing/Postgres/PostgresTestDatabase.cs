using Npgsql;

namespace DockGateway.Testing.Postgres;

/// <summary>
/// A fresh, empty database on the PostgreSQL server named by <c>DOCKGW_TEST_POSTGRES</c> (an Npgsql
/// connection string; <c>./test.sh</c> starts that server, locally run
/// <c>scripts/postgres.sh start /tmp/pg-yours</c> and export what it prints). Dropped on dispose.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string VariableName = "DOCKGW_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name (<c>dockgw_&lt;prefix&gt;_&lt;random&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>Connection string to the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's connection string, or null when <c>DOCKGW_TEST_POSTGRES</c> is not set.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } s ? s : null;

    public static async Task<PostgresTestDatabase> CreateAsync(string prefix = "test")
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{VariableName} is not set: no PostgreSQL server to create a test database on.");
        var safePrefix = new string(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(30).ToArray());
        var name = $"dockgw_{safePrefix}_{Guid.NewGuid():N}"[..Math.Min(63, 8 + safePrefix.Length + 32)];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresTestDatabase(server, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
