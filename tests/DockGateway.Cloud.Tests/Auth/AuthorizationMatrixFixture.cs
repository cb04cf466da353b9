using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Auth;

/// <summary>A host with agencies X and Y, a recorder and a dock in X, and one token per role.</summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    public const string X = "MATRIX-X";
    public const string Y = "MATRIX-Y";
    public const string SerialX = "SN-MATRIX-X";
    public const string DockX = "dock-matrix-x";

    private readonly Dictionary<string, string?> _tokens = new(StringComparer.Ordinal);

    public CloudTestHost Host { get; private set; } = null!;

    /// <summary>The bearer token for a matrix role name (null = no Authorization header).</summary>
    public string? Token(string role) => _tokens[role];

    public async Task InitializeAsync()
    {
        Host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        await Host.CreateAgencyAsync("A", officers: 10, code: X);
        await Host.CreateAgencyAsync("B", officers: 9, code: Y);
        await Host.AddOfficerAsync(X, "1");
        await Host.AddRecorderAsync(X, SerialX);
        var database = Host.Services.GetRequiredService<ICloudDatabase>();
        await using (var connection = await database.OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO docks (id, agency_code, site, slots, public_key, enrolled_at) VALUES (@id, @agency, 'HQ', 8, @key, 0)",
                new { id = DockX, agency = X, key = new string('a', 64) });
        }

        _tokens["admin"] = Host.AdminToken;
        _tokens["manager-of-X"] = await Host.CreateTokenAsync("equipment-manager", X);
        _tokens["manager-of-Y"] = await Host.CreateTokenAsync("equipment-manager", Y);
        _tokens["auditor"] = await Host.CreateTokenAsync("auditor");
        _tokens["auditor-of-X"] = await Host.CreateTokenAsync("auditor", X);
        _tokens["reviewer-of-X"] = await Host.CreateTokenAsync("reviewer", X);
        _tokens["anonymous"] = null;
        _tokens["bad-token"] = "dgw_this-token-was-never-issued-0000000000";
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
