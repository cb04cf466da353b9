namespace DockGateway.Device.Ingest;

/// <summary>
/// Decides gaps in a recorder's file numbering (the "_0001" of REC_…_0001.MP4), once, from everything
/// known about the recorder after a complete walk: the numbers its custody entries named since the last
/// decision (files already ingested, duplicates, errors, also by sessions that were killed or whose
/// recorder was pulled) and the numbers of the files on it now. The order files were read in, a crash
/// or a pulled recorder never make a file look missing.
/// </summary>
/// <remarks>
/// A gap is a run of missing numbers between the last decided number and the new highest one. Numbers
/// at or below the last decided one never open a gap nor move it back: they were decided already, or
/// are files left on the recorder from earlier, or the recorder's numbering restarted (a reformatted
/// card). After a restart, gaps are checked again once its numbers pass the last decided one; files
/// missing below it are not flagged (the log still names every file that was ingested).
/// </remarks>
public static class SequenceGaps
{
    /// <summary>The gaps to report, and in <paramref name="decided"/> the new last decided number.</summary>
    public static IReadOnlyList<(long Previous, long Next)> Decide(long? last, IEnumerable<long> known, out long? decided)
    {
        var numbers = known.Where(n => last is null || n > last).Distinct().Order().ToList();
        decided = numbers.Count == 0 ? last : numbers[^1];
        var gaps = new List<(long Previous, long Next)>();
        var previous = last;
        foreach (var number in numbers)
        {
            if (previous is { } p && number > p + 1)
            {
                gaps.Add((p, number));
            }

            previous = number;
        }

        return gaps;
    }
}
