namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Counts and notable entries of a verified custody log: how many files were ingested and erased,
/// which were ingested but never erased from their recorder, and every late, gap, error or refused entry.
/// </summary>
public sealed class CustodySummary
{
    private readonly SortedDictionary<string, int> _countsByType = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> CountsByType => _countsByType;

    public int Ingested => Count(AuditEntry.Ingested);

    public int Erased => Count(AuditEntry.Erased);

    public List<EntryNote> NotErased { get; } = [];

    public List<EntryNote> Late { get; } = [];

    public List<EntryNote> Gaps { get; } = [];

    public List<EntryNote> Errors { get; } = [];

    public List<EntryNote> Refused { get; } = [];

    public int Count(string type) => _countsByType.GetValueOrDefault(type);

    /// <summary>Tallies the entries covered by the checkpoint and collects the ones an auditor should see.</summary>
    public void Add(IReadOnlyList<AuditEntry> entries)
    {
        var erased = new HashSet<(string?, string?)>();
        foreach (var e in entries.Where(e => e.Type == AuditEntry.Erased))
        {
            erased.Add((e.Recorder, e.Sha256));
        }

        foreach (var e in entries)
        {
            _countsByType[e.Type] = Count(e.Type) + 1;
            switch (e.Type)
            {
                case AuditEntry.Ingested:
                    if (!erased.Contains((e.Recorder, e.Sha256)))
                    {
                        NotErased.Add(new EntryNote(e.Index, e.Describe()));
                    }

                    if (e.Late)
                    {
                        Late.Add(new EntryNote(e.Index, e.Describe()));
                    }

                    break;
                case AuditEntry.LateType:
                    Late.Add(new EntryNote(e.Index, e.Describe()));
                    break;
                case AuditEntry.Gap:
                    Gaps.Add(new EntryNote(e.Index, e.Describe()));
                    break;
                case AuditEntry.Error:
                    Errors.Add(new EntryNote(e.Index, e.Describe()));
                    break;
                case AuditEntry.Refused:
                    Refused.Add(new EntryNote(e.Index, e.Describe()));
                    break;
                default:
                    break;
            }
        }
    }
}
