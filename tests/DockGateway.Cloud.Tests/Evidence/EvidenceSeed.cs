using System.Security.Cryptography;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Tests.Evidence;

/// <summary>
/// Footage as the cloud holds it after a dock's ingest and upload, written straight into the test host's store:
/// a dock row, a footage-index row per custody entry, a completed upload and the blob (through <see cref="IBlobStore"/>).
/// </summary>
internal static class EvidenceSeed
{
    public static async Task<string> AddDockAsync(this CloudTestHost host, string agency)
    {
        var id = "dock-" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = await host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO docks (id, agency_code, site, slots, public_key, enrolled_at, origin) VALUES (@id, @agency, 'Test site', 4, @key, 0, @origin)",
            new { id, agency, key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), origin = "test.example/" + id });
        return id;
    }

    /// <summary>Adds one file (random bytes unless given) as entry <paramref name="index"/> of the dock; returns its SHA-256.</summary>
    public static async Task<string> AddFootageAsync(
        this CloudTestHost host, string dock, string agency, long index, DateTimeOffset recorded, DateTimeOffset? received = null,
        byte[]? bytes = null, string recorder = "CAM-1", string? badge = null, string path = "DCIM/REC_0001.MP4", bool stored = true)
    {
        bytes ??= RandomNumberGenerator.GetBytes(4096 + (int)index);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var at = (received ?? recorded.AddHours(1)).ToUnixTimeMilliseconds();
        await using (var connection = await host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO footage (dock_id, entry_index, agency_code, sha256, size, recorder, officer_badge, path, recorded_start, recorded_end,
                                     ingested_at, received_at, late, uploaded_entry_index)
                VALUES (@dock, @index, @agency, @sha, @size, @recorder, @badge, @path, @start, @end, @at, @at, 0, NULL)
                """,
                new { dock, index, agency, sha, size = (long)bytes.Length, recorder, badge, path, start = recorded.ToUnixTimeMilliseconds(), end = recorded.AddMinutes(5).ToUnixTimeMilliseconds(), at });
            if (stored)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO uploads (id, dock_id, length, upload_offset, sha256, entry_index, file_name, recorder, created_at, expires_at, completed_at, duplicate)
                    VALUES (@id, @dock, @size, @size, @sha, @index, NULL, @recorder, @at, @at, @at, 0)
                    """,
                    new { id = Guid.NewGuid().ToString("N"), dock, size = (long)bytes.Length, sha, index, recorder, at });
            }
        }

        if (stored)
        {
            var blobs = host.Services.GetRequiredService<IBlobStore>();
            var upload = Guid.NewGuid().ToString("N");
            await using (var partial = await blobs.OpenPartialAsync(upload, 0, CancellationToken.None))
            {
                await partial.WriteAsync(bytes, 0);
                await partial.FlushDurablyAsync(CancellationToken.None);
            }

            await blobs.CommitAsync(upload, sha, CancellationToken.None);
        }

        return sha;
    }

    public static async Task<long> CountAsync(this CloudTestHost host, string sql, object? args = null)
    {
        await using var connection = await host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }
}
