using DockGateway.Cloud.Hosting;
using DockGateway.Shared.Storage;

namespace DockGateway.Cloud.Storage;

/// <summary>
/// One cloud instance per SQLite file: an exclusive lock (.NET's <see cref="FileShare.None"/>, an <c>flock(2)</c> on
/// Linux) on <c>&lt;database&gt;.instance</c>, held for the process's life and dropped by the kernel when it dies.
/// SQLite would let two processes share the file, but the upload locks and the running hashes live in each
/// process: several instances must share PostgreSQL instead.
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream _lock;

    private SqliteInstanceLock(FileStream held) => _lock = held;

    /// <summary>Takes the lock for <paramref name="databaseFile"/>, or throws naming the file and the way out.</summary>
    public static SqliteInstanceLock Take(string databaseFile)
    {
        var path = databaseFile + ".instance";
        try
        {
            return new SqliteInstanceLock(new FileStream(path, OwnerOnly.Restrict(new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
            })));
        }
        catch (IOException e)
        {
            throw new StartupRefusedException(
                $"The SQLite database {databaseFile} (Cloud:DataDirectory / Cloud:Database:SqliteFile) is in use by another cloud "
                + $"instance (it holds {path}). One instance serves a SQLite file; run several instances on PostgreSQL (Cloud:Database:Postgres).", e);
        }
    }

    public void Dispose() => _lock.Dispose();
}
