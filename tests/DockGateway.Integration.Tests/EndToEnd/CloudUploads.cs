using DockGateway.Testing;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>One dock's uploads as the cloud holds them, read straight from the cloud's database.</summary>
internal sealed class CloudUploads(string database, string dockId)
{
    /// <summary>Every completed upload: (SHA-256, stored (not a duplicate), length).</summary>
    public IReadOnlyList<(string Sha256, bool Stored, long Length)> Completed() =>
        Query("SELECT sha256, duplicate, length FROM uploads WHERE dock_id = $dock AND completed_at IS NOT NULL",
            r => (r.GetString(0), r.GetInt64(1) == 0, r.GetInt64(2)));

    /// <summary>How many uploads (finished or not) the cloud holds for each SHA-256.</summary>
    public IReadOnlyDictionary<string, int> PerFile() =>
        Query("SELECT sha256, COUNT(*) FROM uploads WHERE dock_id = $dock GROUP BY sha256", r => (r.GetString(0), r.GetInt32(1)))
            .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);

    /// <summary>Uploads begun but not finished that already hold bytes (a transfer in progress).</summary>
    public int Partial() =>
        Query("SELECT COUNT(*) FROM uploads WHERE dock_id = $dock AND completed_at IS NULL AND upload_offset > 0", r => r.GetInt32(0)).FirstOrDefault();

    private List<T> Query<T>(string sql, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read) =>
        ReadOnlySqlite.Query(database, sql, read, ("$dock", dockId));
}
