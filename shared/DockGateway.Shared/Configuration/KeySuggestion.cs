namespace DockGateway.Shared.Configuration;

/// <summary>The known key nearest to a misspelled one (Levenshtein distance, ignoring case).</summary>
public static class KeySuggestion
{
    /// <summary>The candidate nearest to <paramref name="key"/>, or null when none is close (more than a third of its letters, at least 3, differ).</summary>
    public static string? Nearest(string key, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(key, c)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Candidate is not null && best.Distance <= Math.Max(3, key.Length / 3) ? best.Candidate : null;
    }

    /// <summary>Insertions, deletions and substitutions turning <paramref name="a"/> into <paramref name="b"/>, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
