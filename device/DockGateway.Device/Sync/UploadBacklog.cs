using System.Globalization;
using DockGateway.Device.Status;
using DockGateway.Device.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Sync;

/// <summary>
/// The persistent upload backlog (queue), <c>sync.db</c> (SQLite, WAL) in the dock's data directory: one row per
/// stored file (keyed by its <c>ingested</c> custody entry) with its tus upload URL, state, the cloud's
/// receipt and when it was acknowledged, and after a failed attempt when the next one is due
/// (<c>next_attempt_at</c>, Unix milliseconds; added to older databases at open). Also keeps the
/// witnessing loop's and the acknowledgement replay's small state.
/// </summary>
public sealed class UploadBacklog : IQueueBacklog, IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public UploadBacklog(string path)
    {
        _db = DurableSqlite.Open(path);
        Execute("""
            CREATE TABLE IF NOT EXISTS uploads (
                entry INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                stored TEXT NOT NULL,
                recorder TEXT NULL,
                upload_url TEXT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NULL,
                receipt TEXT NULL,
                acknowledged_at TEXT NULL);
            CREATE TABLE IF NOT EXISTS sync_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
        if (Scalar("SELECT COUNT(*) FROM pragma_table_info('uploads') WHERE name = 'next_attempt_at'") == 0)
        {
            Execute("ALTER TABLE uploads ADD COLUMN next_attempt_at INTEGER NULL");
        }

        if (Scalar("SELECT COUNT(*) FROM pragma_table_info('uploads') WHERE name = 'ingested_at'") == 0)
        {
            Execute("ALTER TABLE uploads ADD COLUMN ingested_at INTEGER NULL");
        }
    }

    /// <summary>The service's backlog: <c>sync.db</c> in Dock:DataDirectory.</summary>
    public UploadBacklog(IOptions<DockOptions> options)
        : this(Path.Combine(options.Value.DataDirectory, "sync.db"))
    {
    }

    public string QueueName => "uploads";

    public long QueueLength => Scalar("SELECT COUNT(*) FROM uploads WHERE state = 'pending'");

    public long QueueBytes => Scalar("SELECT COALESCE(SUM(size), 0) FROM uploads WHERE state = 'pending'");

    public DateTimeOffset? OldestQueuedAt
    {
        get
        {
            var oldest = Scalar("SELECT COALESCE(MIN(ingested_at), -1) FROM uploads WHERE state = 'pending'");
            return oldest < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(oldest);
        }
    }

    /// <summary>The highest custody entry queued (-1 when none): where a replay of the custody log resumes.</summary>
    public long HighestEntry => Scalar("SELECT COALESCE(MAX(entry), -1) FROM uploads");

    /// <summary>
    /// Completes when an item is queued after this property was read: an idle worker reads it before
    /// looking for work, then waits on it, so a file ingested meanwhile wakes it at once.
    /// </summary>
    public Task ItemAdded => Volatile.Read(ref _added).Task;

    /// <summary>Adds a stored file, ingested at <paramref name="ingestedAt"/> (its entry's time) when known; a second add of
    /// the same entry changes nothing.</summary>
    public bool Enqueue(long entry, string sha256, long size, string stored, string? recorder, DateTimeOffset? ingestedAt = null)
    {
        var added = Insert(entry, sha256, size, stored, recorder, ingestedAt);
        if (added)
        {
            Interlocked.Exchange(ref _added, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        return added;
    }

    private bool Insert(long entry, string sha256, long size, string stored, string? recorder, DateTimeOffset? ingestedAt)
    {
        lock (_gate)
        {
            using var command = Command(
                "INSERT OR IGNORE INTO uploads (entry, sha256, size, stored, recorder, ingested_at) VALUES ($e, $h, $s, $p, $r, $i)");
            command.Parameters.AddWithValue("$i", (object?)ingestedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$e", entry);
            command.Parameters.AddWithValue("$h", sha256);
            command.Parameters.AddWithValue("$s", size);
            command.Parameters.AddWithValue("$p", stored);
            command.Parameters.AddWithValue("$r", (object?)recorder ?? DBNull.Value);
            return command.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>The pending item due at <paramref name="now"/> (never tried, or its backoff over), fewest attempts first, then oldest; or null.</summary>
    public UploadItem? NextPending(DateTimeOffset now) =>
        Items("WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= " + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            + ") ORDER BY attempts, entry LIMIT 1").FirstOrDefault();

    /// <summary>When the earliest pending item is due, or null when nothing is pending.</summary>
    public DateTimeOffset? NextAttemptAt()
    {
        var due = Scalar("SELECT COALESCE(MIN(COALESCE(next_attempt_at, 0)), -1) FROM uploads WHERE state = 'pending'");
        return due < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(due);
    }

    public UploadItem? Find(long entry) => Items("WHERE entry = " + entry.ToString(CultureInfo.InvariantCulture)).FirstOrDefault();

    /// <summary>Acknowledged items whose retention period has passed by <paramref name="now"/>.</summary>
    public IReadOnlyList<UploadItem> DueForDeletion(DateTimeOffset now, int retainDays) =>
        Items("WHERE state = 'acknowledged' AND acknowledged_at <= '" + Time(now.AddDays(-retainDays)) + "' ORDER BY entry");

    public void SetUploadUrl(long entry, string? url) => Update("UPDATE uploads SET upload_url = $v WHERE entry = $e", entry, url);

    /// <summary>Counts a failed attempt and postpones the item until <paramref name="nextAttemptAt"/>.</summary>
    public void RecordFailure(long entry, string error, DateTimeOffset nextAttemptAt)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE uploads SET attempts = attempts + 1, last_error = $v, next_attempt_at = $n WHERE entry = $e");
            command.Parameters.AddWithValue("$e", entry);
            command.Parameters.AddWithValue("$v", error);
            command.Parameters.AddWithValue("$n", nextAttemptAt.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Marks a pending item acknowledged with the cloud's receipt; false when it was not pending (already acknowledged).</summary>
    public bool MarkAcknowledged(long entry, string receipt, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE uploads SET state = 'acknowledged', receipt = $r, acknowledged_at = $t, last_error = NULL, next_attempt_at = NULL WHERE entry = $e AND state = 'pending'");
            command.Parameters.AddWithValue("$e", entry);
            command.Parameters.AddWithValue("$r", receipt);
            command.Parameters.AddWithValue("$t", Time(at));
            return command.ExecuteNonQuery() == 1;
        }
    }

    public void MarkDeleted(long entry) => Update("UPDATE uploads SET state = 'deleted' WHERE entry = $e AND state = 'acknowledged' AND $v IS NULL", entry, null);

    public string? Receipt(long entry)
    {
        lock (_gate)
        {
            using var command = Command("SELECT receipt FROM uploads WHERE entry = $e");
            command.Parameters.AddWithValue("$e", entry);
            return command.ExecuteScalar() as string;
        }
    }

    public long GetState(string name)
    {
        lock (_gate)
        {
            using var command = Command("SELECT COALESCE((SELECT value FROM sync_state WHERE name = $n), 0)");
            command.Parameters.AddWithValue("$n", name);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void SetState(string name, long value)
    {
        lock (_gate)
        {
            using var command = Command("INSERT INTO sync_state (name, value) VALUES ($n, $v) ON CONFLICT(name) DO UPDATE SET value = excluded.value");
            command.Parameters.AddWithValue("$n", name);
            command.Parameters.AddWithValue("$v", value);
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _db.Dispose();
        }
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private List<UploadItem> Items(string where)
    {
        lock (_gate)
        {
            using var command = Command("SELECT entry, sha256, size, stored, recorder, upload_url, state, attempts, acknowledged_at FROM uploads " + where);
            using var reader = command.ExecuteReader();
            var items = new List<UploadItem>();
            while (reader.Read())
            {
                items.Add(new UploadItem(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    Enum.Parse<UploadState>(reader.GetString(6), ignoreCase: true), reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
            }

            return items;
        }
    }

    private void Update(string sql, long entry, string? value)
    {
        lock (_gate)
        {
            using var command = Command(sql);
            command.Parameters.AddWithValue("$e", entry);
            command.Parameters.AddWithValue("$v", (object?)value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    private long Scalar(string sql)
    {
        lock (_gate)
        {
            using var command = Command(sql);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }
}
