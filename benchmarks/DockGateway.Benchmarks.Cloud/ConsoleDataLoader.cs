using System.Diagnostics;
using System.Globalization;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Officers;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Timeliness;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace DockGateway.Benchmarks.Cloud;

/// <summary>
/// Bulk-loads what the console's other pages read, on top of <see cref="RatioDataLoader"/> (binary COPY, seeded random):
/// one dock per agency, <c>footage</c> rows over the last 60 days (10 % ingested more than 24 h after their end), open and
/// acknowledged alerts, and custody entries (leaf hashes) for a few docks, one of them with <c>bigDockEntries</c>; then the
/// console's rollups, which the product keeps in the stores' transactions, are rebuilt from those rows.
/// </summary>
public static class ConsoleDataLoader
{
    public static string DockId(int agency) => "DK" + agency.ToString("D6", CultureInfo.InvariantCulture);

    public static async Task LoadAsync(
        string connectionString, int agencies, int officersPerAgency, int recorders, int footageRows, int alerts, int custodyDocks, int entriesPerDock, int bigDockEntries)
    {
        var random = new Random(43);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        const long hour = 3_600_000;
        // COPY of millions of rows on a shared machine outlasts the default 30 s command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY docks (id, agency_code, site, slots, public_key, enrolled_at, origin) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < agencies; i++)
            {
                await copy.WriteRowAsync(default, DockId(i), RatioDataLoader.AgencyCode(i), $"Site {i}", 8L, $"key-{i}", now, $"dock.example/{i}");
            }

            await copy.CompleteAsync();
        }

        // The footage indexes are dropped for the COPY and built after (a sorted build is far faster than 2 M random inserts).
        var indexes = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'footage' AND indexname LIKE 'ix_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(1));
            }
        }

        foreach (var definition in indexes)
        {
            await using var drop = new NpgsqlCommand("DROP INDEX " + definition.Split(' ')[2], connection);
            await drop.ExecuteNonQueryAsync();
        }

        var nextEntry = new long[agencies];
        var hash = new byte[32];
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY footage (dock_id, entry_index, agency_code, sha256, size, recorder, officer_badge, path, recorded_start, recorded_end, ingested_at, received_at, late) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < footageRows; n++)
            {
                var agency = random.Next(agencies);
                random.NextBytes(hash);
                var start = now - random.NextInt64(60 * 24 * hour);
                var end = start + random.NextInt64(30 * 60_000);
                var ingested = end + (random.Next(10) == 0 ? random.NextInt64(25 * hour, 100 * hour) : random.NextInt64(20 * hour));
                await copy.WriteRowAsync(default, DockId(agency), nextEntry[agency]++, RatioDataLoader.AgencyCode(agency), Convert.ToHexStringLower(hash),
                    (long)random.Next(1 << 20, 1 << 30), "SN" + random.Next(recorders).ToString("D8", CultureInfo.InvariantCulture),
                    random.Next(officersPerAgency).ToString(CultureInfo.InvariantCulture), $"DCIM/{n}.mp4", start, end, ingested, ingested,
                    ingested - end > 24 * hour ? 1L : 0L);
            }

            await copy.CompleteAsync();
        }

        foreach (var definition in indexes.Prepend("SET maintenance_work_mem = '256MB'"))
        {
            await using var create = new NpgsqlCommand(definition, connection);
            await create.ExecuteNonQueryAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY fleet_alerts (id, agency_code, dock_id, event_key, kind, occurred_at, received_at, message) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < alerts; n++)
            {
                var agency = random.Next(agencies);
                var at = now - random.NextInt64(60 * 24 * hour);
                await copy.WriteRowAsync(default, $"AL{n:D9}", RatioDataLoader.AgencyCode(agency), DockId(agency), $"ev-{n}", "late", at, at, "bench");
            }

            await copy.CompleteAsync();
        }

        await using (var acknowledge = new NpgsqlCommand(
            "INSERT INTO fleet_alert_acknowledgements (alert_id, acknowledged_at, actor_id, actor_name, comment) SELECT id, received_at, 'u', 'bench', '' FROM fleet_alerts WHERE hashtext(id) % 10 <> 0",
            connection))
        {
            await acknowledge.ExecuteNonQueryAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY custody_entries (dock_id, entry_index, entry_json, leaf_hash, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var d = 0; d < custodyDocks; d++)
            {
                var count = d == 0 ? bigDockEntries : entriesPerDock;
                for (long e = 0; e < count; e++)
                {
                    random.NextBytes(hash);
                    await copy.WriteRowAsync(default, DockId(d), e, "{\"kind\":\"ingested\"}", Convert.ToHexStringLower(hash), now);
                }
            }

            await copy.CompleteAsync();
        }

        await using (var cosigned = new NpgsqlCommand(
            "INSERT INTO witness_latest (origin, size, root_hash, cosigned_at) SELECT d.origin, COUNT(*), md5(d.origin) || md5(d.id), 0 FROM custody_entries ce JOIN docks d ON d.id = ce.dock_id GROUP BY d.origin, d.id",
            connection))
        {
            await cosigned.ExecuteNonQueryAsync();
        }

        // COPY bypassed the stores that keep the console's rollups: recount them as a migration's backfill would.
        var rebuild = Stopwatch.StartNew();
        await using (var database = new PostgresCloudDatabase(connectionString))
        {
            await AlertOpenCounts.RebuildAsync(database, CancellationToken.None);
            await TimelinessRollup.RebuildAsync(database, CancellationToken.None);
            await OfficerFootageStats.RebuildAsync(database, CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  console rollups (open alerts, timeliness days, officers' last ingest) rebuilt in {rebuild.Elapsed.TotalSeconds:F1} s"));
        foreach (var table in new[] { "docks", "witness_latest", "footage", "fleet_alerts", "fleet_alert_acknowledgements", "custody_entries",
            "alert_open_counts", "timeliness_days", "timeliness_day_stripes", "officer_footage" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }
    }
}
