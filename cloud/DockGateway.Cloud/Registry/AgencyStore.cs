using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Registry;

/// <summary>Reads and writes <c>agencies</c>.</summary>
public sealed class AgencyStore(ICloudDatabase database, TimeProvider time)
{
    internal const string Columns = """
        code AS Code, name AS Name, class AS Class, officer_count AS OfficerCount, class_c_minimum AS ClassCMinimum,
        legal_review_staff AS LegalReviewStaff, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async Task<Agency?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, code, cancellationToken);
    }

    internal static Task<Agency?> FindAsync(DbConnection connection, DbTransaction? transaction, string code, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Agency>(new CommandDefinition(
            $"SELECT {Columns} FROM agencies WHERE code = @code", new { code }, transaction, cancellationToken: cancellationToken));

    /// <summary>Agencies in code order; <paramref name="codes"/> null = all.</summary>
    public async Task<IReadOnlyList<Agency>> ListAsync(IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var where = codes is null ? string.Empty : "WHERE " + database.AnyOf("code", "codes");
        return (await connection.QueryAsync<Agency>(new CommandDefinition(
            $"SELECT {Columns} FROM agencies {where} ORDER BY code", new { codes = codes?.ToArray() ?? [] }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Inserts an agency; false when the code is taken.</summary>
    public Task<bool> CreateAsync(string code, AgencyRequest request, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (await FindAsync(connection, transaction, code, cancellationToken) is not null)
                {
                    return false;
                }

                var now = time.GetUtcNow();
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO agencies (code, name, class, officer_count, class_c_minimum, legal_review_staff, created_at, updated_at)
                    VALUES (@code, @Name, @Class, @OfficerCount, @ClassCMinimum, @LegalReviewStaff, @now, @now)
                    """,
                    new { code, request.Name, request.Class, request.OfficerCount, request.ClassCMinimum, request.LegalReviewStaff, now },
                    transaction, cancellationToken: cancellationToken));
                return true;
            },
            cancellationToken);

    /// <summary>Replaces an agency's fields; false when it does not exist.</summary>
    public async Task<bool> UpdateAsync(string code, AgencyRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE agencies SET name = @Name, class = @Class, officer_count = @OfficerCount, class_c_minimum = @ClassCMinimum,
                legal_review_staff = @LegalReviewStaff, updated_at = @now
            WHERE code = @code
            """,
            new { code, request.Name, request.Class, request.OfficerCount, request.ClassCMinimum, request.LegalReviewStaff, now = time.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
    }
}
