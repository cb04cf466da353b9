using System.Globalization;

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
        var named = new HashSet<(string?, string?, string?)>();
        foreach (var erased in covered.Where(e => e.Type is AuditEntry.Erased or AuditEntry.Reconciled or AuditEntry.Duplicate))
        {
            erasures++;
            var where = $"entry {erased.Index} ({erased.Type})";
            var field = erased.Field("ingested");
            AuditEntry? ingested;
            if (field is null)
            {
                ingested = covered.FirstOrDefault(e => e.Index < erased.Index && e.Type == AuditEntry.Ingested && e.Sha256 == erased.Sha256);
                if (ingested is null)
                {
                    report.Fail(where, $"{erased.Path} (sha256 {erased.Sha256}) left recorder {erased.Recorder} with no earlier ingested entry for those bytes");
                    continue;
                }
            }
            else if (!long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || index >= erased.Index || !byIndex.TryGetValue(index, out ingested) || ingested.Type != AuditEntry.Ingested)
            {
                report.Fail(where, $"field ingested={field} does not name an earlier ingested entry: {erased.Path} left recorder {erased.Recorder} unaccounted for");
                continue;
            }

            if (ingested.Sha256 != erased.Sha256)
            {
                report.Fail(where, $"sha256 {erased.Sha256} differs from its ingested entry {ingested.Index} ({ingested.Sha256})");
            }
            else if (erased.Type == AuditEntry.Duplicate)
            {
                named.Add((erased.Recorder, erased.Path, erased.Sha256));
                report.Custody.Duplicates.Add(new EntryNote(erased.Index,
                    $"{erased.Path} from {erased.Recorder}: same bytes as entry {ingested.Index} ({ingested.Path} from {ingested.Recorder}), kept once"));
            }
            else if ((ingested.Recorder != erased.Recorder || ingested.Path != erased.Path)
                && !named.Contains((erased.Recorder, erased.Path, erased.Sha256)))
            {
                report.Fail(where, $"{erased.Path} left recorder {erased.Recorder} as a copy of entry {ingested.Index} before any duplicate entry named it");
            }
        }

        if (report.Failures.Count == failuresBefore)
        {
            report.Pass($"{erasures} erasures and duplicates each follow a committed ingested entry with the same SHA-256");
        }
    }
}
