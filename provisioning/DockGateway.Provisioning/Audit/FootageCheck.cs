using System.Security.Cryptography;
using DockGateway.Shared.Custody;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Hashes each stored copy named by an <c>ingested</c> entry (its <c>stored</c> path, relative to the
/// footage directory) and compares size and SHA-256 with the entry. Paths that would leave the
/// footage directory are refused, not followed. Entries from <c>provenSize</c> on are hashed too (the
/// stored copies are evidence whatever the log says), and the report says they are not proven. With <c>only</c>
/// (a case package's files), only the entries with those SHA-256 are hashed, and each of them must be named by an entry.
/// </summary>
internal static class FootageCheck
{
    public static void Run(
        string footageDirectory, IReadOnlyList<AuditEntry> covered, VerificationReport report, long provenSize = long.MaxValue, IReadOnlyList<string>? only = null)
    {
        var wanted = only is { Count: > 0 } ? only.ToHashSet(StringComparer.Ordinal) : null;
        if (!Directory.Exists(footageDirectory))
        {
            throw new InputException($"--footage directory '{footageDirectory}' does not exist");
        }

        var root = Path.GetFullPath(footageDirectory);
        var failuresBefore = report.Failures.Count;
        var unproven = 0;
        foreach (var entry in covered)
        {
            if (entry.Entry is not IngestedEntry ingested || (wanted is not null && !wanted.Contains(ingested.Sha256)))
            {
                continue;
            }

            CheckOne(root, entry.Index, ingested, report);
            report.FootageFilesChecked++;
            unproven += entry.Index >= provenSize ? 1 : 0;
        }

        foreach (var missing in wanted?.Where(w => !covered.Any(e => e.Entry is IngestedEntry i && i.Sha256 == w)) ?? [])
        {
            report.Fail("--footage-for", $"no ingested entry has SHA-256 {missing}");
        }

        if (report.FootageFilesChecked == 0)
        {
            report.Warn("--footage", "no ingested entry names a stored file: nothing was hashed");
        }
        else if (report.Failures.Count == failuresBefore)
        {
            report.Pass($"{report.FootageFilesChecked} stored files match their entries' SHA-256 and size"
                + (unproven == 0 ? "" : $"; {unproven} of those entries are not proven by a matching signed checkpoint (see the failures)"));
        }
    }

    private static void CheckOne(string root, long index, IngestedEntry entry, VerificationReport report)
    {
        var where = $"entry {index} field stored";
        if (string.IsNullOrEmpty(entry.Stored))
        {
            report.Fail(where, "missing: the ingested entry does not say where the copy is stored");
            return;
        }

        var path = Path.GetFullPath(Path.Combine(root, entry.Stored));
        if (Path.IsPathRooted(entry.Stored) || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            report.Fail(where, $"'{entry.Stored}' is not a path inside the footage directory");
            return;
        }

        if (!File.Exists(path))
        {
            report.Fail(where, $"stored file '{entry.Stored}' is missing from the footage directory");
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (sha != entry.Sha256)
        {
            report.Fail(where, $"stored file '{entry.Stored}' has SHA-256 {sha}, the entry says {entry.Sha256}");
        }
        else if (stream.Length != entry.Size)
        {
            report.Fail(where, $"stored file '{entry.Stored}' has {stream.Length} bytes, the entry says {entry.Size}");
        }
    }
}
