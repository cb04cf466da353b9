using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Auth;

/// <summary>Reads and writes <c>people_tokens</c>; the plaintext token exists only in the create response.</summary>
public sealed class PeopleTokenStore(ICloudDatabase database, TimeProvider time)
{
    private const string Columns = "id AS Id, name AS Name, role AS Role, created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt";

    public async Task<PersonToken?> FindActiveByHashAsync(string sha256Hex, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            $"SELECT {Columns} FROM people_tokens WHERE token_sha256 = @sha256Hex AND revoked_at IS NULL",
            new { sha256Hex }, cancellationToken: cancellationToken));
        return row is null ? null : await WithAgenciesAsync(connection, row, cancellationToken);
    }

    public async Task<PersonToken?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            $"SELECT {Columns} FROM people_tokens WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null ? null : await WithAgenciesAsync(connection, row, cancellationToken);
    }

    public async Task<IReadOnlyList<PersonToken>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TokenRow>(new CommandDefinition(
            $"SELECT {Columns} FROM people_tokens ORDER BY created_at, id", cancellationToken: cancellationToken));
        var scopes = (await connection.QueryAsync<(string TokenId, string AgencyCode)>(new CommandDefinition(
            "SELECT token_id, agency_code FROM people_token_agencies ORDER BY agency_code", cancellationToken: cancellationToken)))
            .ToLookup(s => s.TokenId, s => s.AgencyCode);
        return rows.Select(r => r.ToToken(scopes[r.Id].ToList())).ToList();
    }

    /// <summary>Stores a new token's hash with its scope; returns the record and the plaintext token.</summary>
    public Task<(PersonToken Token, string Plaintext)> CreateAsync(
        string name, string role, IReadOnlyList<string> agencies, string? createdBy, CancellationToken cancellationToken) =>
        InsertAsync(name, role, agencies, createdBy, TokenHash.NewToken(), cancellationToken);

    /// <summary>True when any unrevoked admin token exists.</summary>
    public async Task<bool> HasActiveAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM people_tokens WHERE role = @role AND revoked_at IS NULL",
            new { role = CloudRoles.Admin }, cancellationToken: cancellationToken)) > 0;
    }

    internal async Task<(PersonToken Token, string Plaintext)> InsertAsync(
        string name, string role, IReadOnlyList<string> agencies, string? createdBy, string plaintext, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = Guid.CreateVersion7().ToString("n");
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    "INSERT INTO people_tokens (id, name, role, token_sha256, created_at, created_by) VALUES (@id, @name, @role, @hash, @now, @createdBy)",
                    new { id, name, role, hash = TokenHash.Sha256Hex(plaintext), now, createdBy }, transaction);
                foreach (var agency in agencies.Distinct(StringComparer.Ordinal))
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO people_token_agencies (token_id, agency_code) VALUES (@id, @agency)", new { id, agency }, transaction);
                }
            },
            cancellationToken);
        return (new PersonToken(id, name, role, agencies.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            DateTimeOffset.FromUnixTimeMilliseconds(now), createdBy, null), plaintext);
    }

    /// <summary>Revokes a token; false when it does not exist or is already revoked.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE people_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    private static async Task<PersonToken> WithAgenciesAsync(DbConnection connection, TokenRow row, CancellationToken cancellationToken)
    {
        var agencies = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT agency_code FROM people_token_agencies WHERE token_id = @Id ORDER BY agency_code",
            new { row.Id }, cancellationToken: cancellationToken));
        return row.ToToken(agencies.ToList());
    }

    private sealed class TokenRow
    {
        public string Id { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Role { get; set; } = string.Empty;

        public long CreatedAt { get; set; }

        public string? CreatedBy { get; set; }

        public long? RevokedAt { get; set; }

        public PersonToken ToToken(IReadOnlyList<string> agencies) => new(
            Id, Name, Role, agencies, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), CreatedBy,
            RevokedAt is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null);
    }
}
