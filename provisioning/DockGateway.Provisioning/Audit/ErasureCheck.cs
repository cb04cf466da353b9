using System.Globalization;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// The custody invariant as the log shows it: a file may leave a recorder only after its bytes are in
/// custody. Every <c>erased</c> or <c>reconciled</c> entry must name (field <c>ingested</c>) an earlier
/// <c>ingested</c> entry with the same SHA-256. An erasure whose ingested entry belongs to another
/// recorder or path is legitimate (the dock keeps identical footage once) and listed as a duplicate.
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
        foreach (var erased in covered.Where(e => e.Type is AuditEntry.Erased or AuditEntry.Reconciled))
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
            else if (ingested.Recorder != erased.Recorder || ingested.Path != erased.Path)
            {
                report.Custody.Duplicates.Add(new EntryNote(erased.Index,
                    $"{erased.Path} from {erased.Recorder}: same bytes as entry {ingested.Index} ({ingested.Path} from {ingested.Recorder}), kept once"));
            }
        }

        if (report.Failures.Count == failuresBefore)
        {
            report.Pass($"{erasures} erasures each follow a committed ingested entry with the same SHA-256");
        }
    }
}
