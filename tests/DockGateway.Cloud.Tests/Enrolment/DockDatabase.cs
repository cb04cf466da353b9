using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Tests.Enrolment;

/// <summary>Reads the test host's database directly, to check what a refused request left behind.</summary>
public static class DockDatabase
{
    public static async Task<long> ScalarAsync(CloudTestHost host, string sql, object? parameters = null)
    {
        var database = host.Services.GetRequiredService<ICloudDatabase>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
