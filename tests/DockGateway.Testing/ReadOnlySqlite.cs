using Microsoft.Data.Sqlite;

namespace DockGateway.Testing;

/// <summary>Reads another process's SQLite database (read-only, unpooled) while that process runs.</summary>
public static class ReadOnlySqlite
{
    /// <summary>
    /// The rows of <paramref name="sql"/>; empty when the database does not exist yet, lacks the table
    /// (its owner is still creating it) or is busy, so that a polling caller simply asks again.
    /// </summary>
    public static List<T> Query<T>(string database, string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        var rows = new List<T>();
        if (!File.Exists(database))
        {
            return rows;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 1 or 5 or 6)
        {
            // SQLITE_ERROR (no such table yet), SQLITE_BUSY, SQLITE_LOCKED: an empty answer, polled again.
            rows.Clear();
        }

        return rows;
    }
}
