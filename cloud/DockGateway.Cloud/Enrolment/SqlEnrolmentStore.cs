using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Witness;

namespace DockGateway.Cloud.Enrolment;

/// <summary>Enrolment in <c>enrolment_tokens</c> and the registry's <c>docks</c> table.</summary>
public sealed class SqlEnrolmentStore(ICloudDatabase database) : IEnrolmentStore
{
    public async Task<bool> AgencyExistsAsync(string agencyCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM agencies WHERE code = @agencyCode", new { agencyCode }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task CreateTokenAsync(
        string tokenSha256, string agencyCode, string createdBy, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO enrolment_tokens (token_sha256, agency_code, created_by, created_at, expires_at) VALUES (@tokenSha256, @agencyCode, @createdBy, @created, @expires)",
            new { tokenSha256, agencyCode, createdBy, created = createdAt.ToUnixTimeMilliseconds(), expires = expiresAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task<(EnrolmentOutcome Outcome, string? AgencyCode, string? Origin)> EnrolAsync(
        string tokenSha256, DockRegistration dock, Func<string, string> originFor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await database.InTransactionAsync<(EnrolmentOutcome, string?, string?)>(async (connection, transaction) =>
            {
                var tokens = await connection.QueryAsync<(string Agency, long ExpiresAt, long? UsedAt)>(
                    "SELECT agency_code, expires_at, used_at FROM enrolment_tokens WHERE token_sha256 = @tokenSha256", new { tokenSha256 }, transaction);
                var token = tokens.FirstOrDefault();
                if (token.Agency is null)
                {
                    return (EnrolmentOutcome.UnknownToken, null, null);
                }
                if (token.UsedAt is not null)
                {
                    return (EnrolmentOutcome.TokenUsed, token.Agency, null);
                }
                var at = now.ToUnixTimeMilliseconds();
                if (token.ExpiresAt <= at)
                {
                    return (EnrolmentOutcome.TokenExpired, token.Agency, null);
                }
                var spent = await connection.ExecuteAsync(
                    "UPDATE enrolment_tokens SET used_at = @at, dock_id = @DockId WHERE token_sha256 = @tokenSha256 AND used_at IS NULL",
                    new { at, dock.DockId, tokenSha256 }, transaction);
                if (spent != 1)
                {
                    return (EnrolmentOutcome.TokenUsed, token.Agency, null);
                }
                var origin = originFor(token.Agency);
                await connection.ExecuteAsync(
                    "INSERT INTO docks (id, agency_code, site, slots, public_key, enrolled_at, last_seen_at, origin) "
                    + "VALUES (@DockId, @agency, @Site, @slots, @key, @at, @at, @origin)",
                    new { dock.DockId, agency = token.Agency, dock.Site, slots = (long)dock.Slots, key = Convert.ToHexStringLower(dock.PublicKey), at, origin },
                    transaction);
                return (EnrolmentOutcome.Enrolled, token.Agency, origin);
            }, cancellationToken);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return (EnrolmentOutcome.KeyAlreadyEnrolled, null, null);
        }
    }
}
