using DockGateway.Shared.Custody;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// The custody invariant as the log shows it: a file may leave a recorder only after its bytes are in
/// custody. Every <c>erased</c>, <c>reconciled</c> or <c>duplicate</c> entry must name (field <c>ingested</c>)
/// an earlier <c>ingested</c> entry with the same SHA-256. An erasure whose ingested entry belongs to another
/// recorder or path is legitimate (the dock keeps identical footage once) only after a <c>duplicate</c> entry
/// named that recorder's file; such files are listed as duplicates.
/// </summary>
internal static class ErasureCheck
{
    public static void Run(IReadOnlyList<AuditEntry> covered, VerificationReport report)
    {
        if (covered.Count == 0)
        {
            return; // nothing trusted to check (the root check already failed)
        }

        var byIndex = covered.ToDictionary(e => e.Index);
        var failuresBefore = report.Failures.Count;
        var erasures = 0;
        var named = new HashSet<(string, string, string)>();
        foreach (var erased in covered)
        {
            var (recorder, path, sha256, index) = erased.Entry switch
            {
                ErasedEntry e => (e.Recorder, e.Path, e.Sha256, e.Ingested),
                ReconciledEntry e => (e.Recorder, e.Path, e.Sha256, e.Ingested),
                DuplicateEntry e => (e.Recorder, e.Path, e.Sha256, e.Ingested),
                _ => (null!, null!, null!, -1L),
            };
            if (index < 0)
            {
                continue;
            }

            erasures++;
            var where = $"entry {erased.Index} ({erased.Type})";
            if (index >= erased.Index || !byIndex.TryGetValue(index, out var found) || found.Entry is not IngestedEntry ingested)
            {
                report.Fail(where, $"field ingested={index} does not name an earlier ingested entry: {path} left recorder {recorder} unaccounted for");
                continue;
            }

            if (ingested.Sha256 != sha256)
            {
                report.Fail(where, $"sha256 {sha256} differs from its ingested entry {index} ({ingested.Sha256})");
            }
            else if (erased.Entry is DuplicateEntry)
            {
                named.Add((recorder, path, sha256));
                report.Custody.Duplicates.Add(new EntryNote(erased.Index,
                    $"{path} from {recorder}: same bytes as entry {index} ({ingested.Path} from {ingested.Recorder}), kept once"));
            }
            else if ((ingested.Recorder != recorder || ingested.Path != path) && !named.Contains((recorder, path, sha256)))
            {
                report.Fail(where, $"{path} left recorder {recorder} as a copy of entry {index} before any duplicate entry named it");
            }
        }

        if (report.Failures.Count == failuresBefore)
        {
            report.Pass($"{erasures} erasures and duplicates each follow a committed ingested entry with the same SHA-256");
        }
    }
}
