using DockGateway.Shared.Custody;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Counts and notable entries of a verified custody log: how many files were ingested and erased,
/// which were ingested but never erased from their recorder (neither <c>erased</c> nor <c>reconciled</c>), and every late, gap, error or refused entry.
/// </summary>
public sealed class CustodySummary
{
    private readonly SortedDictionary<string, int> _countsByType = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> CountsByType => _countsByType;

    public int Ingested => Count(CustodyEntryCodec.TypeName<IngestedEntry>());

    public int Erased => Count(CustodyEntryCodec.TypeName<ErasedEntry>());

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
        // names its ingested entry by index ("ingested"); an erasure of the same recorder's bytes also counts.
        var erasedIndexes = entries.Select(e => e.Entry switch
        {
            ErasedEntry erased => erased.Ingested,
            ReconciledEntry reconciled => reconciled.Ingested,
            _ => -1,
        }).ToHashSet();
        var erasedFiles = entries.Select(e => e.Entry).OfType<ErasedEntry>().Select(e => (e.Recorder, e.Sha256)).ToHashSet();
        var lateFlagged = entries.Select(e => e.Entry).OfType<IngestedEntry>().Where(e => e.Late).Select(e => (e.Recorder, e.Sha256)).ToHashSet();
        foreach (var e in entries)
        {
            _countsByType[e.Type] = Count(e.Type) + 1;
            var note = new EntryNote(e.Index, e.Describe());
            switch (e.Entry)
            {
                case IngestedEntry ingested:
                    if (!erasedIndexes.Contains(e.Index) && !erasedFiles.Contains((ingested.Recorder, ingested.Sha256)))
                    {
                        NotErased.Add(note);
                    }

                    if (ingested.Late)
                    {
                        Late.Add(note);
                    }

                    break;
                case LateEntry late when !lateFlagged.Contains((late.Recorder, late.Sha256)):
                    Late.Add(note);
                    break;
                case GapEntry:
                    Gaps.Add(note);
                    break;
                case ErrorEntry:
                    Errors.Add(note);
                    break;
                case RefusedEntry:
                    Refused.Add(note);
                    break;
                default:
                    break;
            }
        }
    }
}
