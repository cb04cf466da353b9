namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Counts and notable entries of a verified custody log: how many files were ingested and erased,
/// which were ingested but never erased from their recorder (neither <c>erased</c> nor <c>reconciled</c>), and every late, gap, error or refused entry.
/// </summary>
public sealed class CustodySummary
{
    private readonly SortedDictionary<string, int> _countsByType = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> CountsByType => _countsByType;

    public int Ingested => Count(AuditEntry.Ingested);

    public int Erased => Count(AuditEntry.Erased);

    public List<EntryNote> NotErased { get; } = [];

    public List<EntryNote> Late { get; } = [];

    /// <summary>Files erased from a recorder because identical bytes were already in custody under another entry.</summary>
    public List<EntryNote> Duplicates { get; } = [];

    public List<EntryNote> Gaps { get; } = [];

    public List<EntryNote> Errors { get; } = [];

    public List<EntryNote> Refused { get; } = [];

    public int Count(string type) => _countsByType.GetValueOrDefault(type);

    /// <summary>Tallies the entries covered by the checkpoint and collects the ones an auditor should see.</summary>
    public void Add(IReadOnlyList<AuditEntry> entries)
    {
        // An erased entry (or a reconciled one, written when a crash came between the wipe and its entry)
        // names its ingested entry by index ("ingested"); without that field, by recorder and SHA-256.
        var erasedIndexes = entries.Where(e => e.Type is AuditEntry.Erased or AuditEntry.Reconciled)
            .Select(e => e.Field("ingested")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var erasedFiles = entries.Where(e => e.Type == AuditEntry.Erased).Select(e => (e.Recorder, e.Sha256)).ToHashSet();
        var lateFlagged = entries.Where(e => e.Type == AuditEntry.Ingested && e.Late).Select(e => (e.Recorder, e.Sha256)).ToHashSet();
        foreach (var e in entries)
        {
            _countsByType[e.Type] = Count(e.Type) + 1;
            var note = new EntryNote(e.Index, e.Describe());
            switch (e.Type)
            {
                case AuditEntry.Ingested:
                    var index = e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (!erasedIndexes.Contains(index) && !erasedFiles.Contains((e.Recorder, e.Sha256)))
                    {
                        NotErased.Add(note);
                    }

                    if (e.Late)
                    {
                        Late.Add(note);
                    }

                    break;
                case AuditEntry.LateType when !lateFlagged.Contains((e.Recorder, e.Sha256)):
                    Late.Add(note);
                    break;
                case AuditEntry.Gap:
                    Gaps.Add(note);
                    break;
                case AuditEntry.Error:
                    Errors.Add(note);
                    break;
                case AuditEntry.Refused:
                    Refused.Add(note);
                    break;
                default:
                    break;
            }
        }
    }
}
