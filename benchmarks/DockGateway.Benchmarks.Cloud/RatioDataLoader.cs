using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace DockGateway.Benchmarks.Cloud;

/// <summary>Bulk-loads a synthetic registry with binary COPY (deterministic: seeded random).</summary>
public static class RatioDataLoader
{
    public static string AgencyCode(int i) => "AG" + i.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Loads the data; <paramref name="overduePercent"/> of the recorders have not docked for 1-10 days
    /// (half of those never docked), the rest docked within the last 20 hours.</summary>
    public static async Task LoadAsync(string connectionString, int agencies, int officersPerAgency, int recorders, int overduePercent)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        const long hour = 3_600_000;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY agencies (code, name, class, officer_count, class_c_minimum, legal_review_staff, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < agencies; i++)
            {
                var agencyClass = (i % 10) switch { < 5 => "A", < 8 => "B", _ => "C" };
                var officers = random.Next(5, 200);
                await copy.StartRowAsync();
                await copy.WriteAsync(AgencyCode(i), NpgsqlDbType.Text);
                await copy.WriteAsync($"Agency {i}", NpgsqlDbType.Text);
                await copy.WriteAsync(agencyClass, NpgsqlDbType.Text);
                await copy.WriteAsync((long)officers, NpgsqlDbType.Bigint);
                if (agencyClass == "C")
                {
                    await copy.WriteAsync((long)random.Next(1, 40), NpgsqlDbType.Bigint);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync((long)random.Next(0, 12), NpgsqlDbType.Bigint);
                await copy.WriteAsync(now, NpgsqlDbType.Bigint);
                await copy.WriteAsync(now, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync();
        }

        // The counter triggers would fire a million times; load without them and rebuild the counters after.
        await using (var disable = new NpgsqlCommand("ALTER TABLE officers DISABLE TRIGGER USER; ALTER TABLE recorders DISABLE TRIGGER USER", connection))
        {
            await disable.ExecuteNonQueryAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY officers (agency_code, badge_number, name, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < agencies; i++)
            {
                for (var o = 0; o < officersPerAgency; o++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(AgencyCode(i), NpgsqlDbType.Text);
                    await copy.WriteAsync(o.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                    await copy.WriteAsync($"Officer {o}", NpgsqlDbType.Text);
                    await copy.WriteAsync(now, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(now, NpgsqlDbType.Bigint);
                }
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY recorders (serial, agency_code, vendor, model, status, assigned_badge, issued_at, last_docked_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var r = 0; r < recorders; r++)
            {
                var roll = random.Next(100);
                await copy.StartRowAsync();
                await copy.WriteAsync("SN" + r.ToString("D8", CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await copy.WriteAsync(AgencyCode(random.Next(agencies)), NpgsqlDbType.Text);
                await copy.WriteAsync("Acme", NpgsqlDbType.Text);
                await copy.WriteAsync("BW-" + (r % 7).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await copy.WriteAsync(roll < 80 ? "in-service" : roll < 95 ? "repair" : "retired", NpgsqlDbType.Text);
                await copy.WriteNullAsync();
                await copy.WriteAsync(now - (random.Next(24, 24 * 365) * hour), NpgsqlDbType.Bigint);
                var overdue = random.Next(100) < overduePercent;
                if (overdue && random.Next(2) == 0)
                {
                    await copy.WriteNullAsync();
                }
                else
                {
                    await copy.WriteAsync(now - (overdue ? random.Next(25, 240) : random.Next(0, 20)) * hour - random.Next(3_600_000), NpgsqlDbType.Bigint);
                }

                await copy.WriteAsync(now, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync();
        }

        await using (var enable = new NpgsqlCommand("ALTER TABLE officers ENABLE TRIGGER USER; ALTER TABLE recorders ENABLE TRIGGER USER", connection))
        {
            await enable.ExecuteNonQueryAsync();
        }

        foreach (var table in new[] { "agencies", "officers", "recorders" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }
    }
}
