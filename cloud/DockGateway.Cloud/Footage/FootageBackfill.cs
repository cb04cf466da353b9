using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Witness;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Footage;

/// <summary>
/// Once, at the first start after migration 0300: indexes the custody entries stored before the footage index
/// existed, in one transaction with the marker row, so it runs to the end exactly once (a crash rolls it back and
/// the next start repeats it). Entries are read per dock in index order, so an <c>uploaded</c> entry finds the row
/// of its <c>ingested</c> entry.
/// </summary>
public sealed class FootageBackfill(ICloudDatabase database, TimeProvider time, ILogger<FootageBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await BackfillAsync(cancellationToken);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            logger.LogInformation("Footage index: another instance indexed the earlier custody entries at the same time");
        }
    }

    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        var indexed = await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM footage_backfill", transaction: transaction) > 0)
            {
                return -1;
            }

            var rows = (await connection.QueryAsync<(string DockId, long Index, string Json, long At)>(
                "SELECT dock_id, entry_index, entry_json, received_at FROM custody_entries "
                + "WHERE entry_json LIKE '%\"type\":\"ingested\"%' OR entry_json LIKE '%\"type\":\"uploaded\"%' "
                + "ORDER BY dock_id, entry_index", transaction: transaction)).ToList();
            foreach (var dock in rows.GroupBy(r => r.DockId))
            {
                await FootageIndexer.AddAsync(connection, transaction, dock.Key,
                    dock.Select(r => new StoredEntry(r.Index, r.Json, [], DateTimeOffset.FromUnixTimeMilliseconds(r.At))));
            }

            await connection.ExecuteAsync("INSERT INTO footage_backfill (done_at) VALUES (@at)",
                new { at = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction);
            return rows.Count;
        }, cancellationToken);
        if (indexed > 0)
        {
            logger.LogInformation("Footage index: {Count} custody entries stored before it existed were indexed", indexed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
