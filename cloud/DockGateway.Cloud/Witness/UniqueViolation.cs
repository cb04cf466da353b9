using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DockGateway.Cloud.Witness;

/// <summary>Recognises a primary-key or unique-constraint violation on either database.</summary>
public static class UniqueViolation
{
    public static bool Is(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || e is SqliteException { SqliteErrorCode: 19 };
}
