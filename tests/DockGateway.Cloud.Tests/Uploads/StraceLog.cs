using System.Globalization;
using System.Text.RegularExpressions;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// Reads an <c>strace -f -yy -o</c> log into calls in the order strace saw them, joining a call split by another
/// thread's (<c>&lt;unfinished ...&gt;</c> … <c>&lt;... name resumed&gt;</c>) so each call knows where it began and ended.
/// </summary>
public static partial class StraceLog
{
    public static IReadOnlyList<TracedCall> Read(string path)
    {
        var calls = new List<TracedCall>();
        var pending = new Dictionary<int, (string Name, string Text, int Start)>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Line().Match(lines[i]);
            if (!line.Success)
            {
                continue; // signals, exits
            }

            var pid = int.Parse(line.Groups["pid"].Value, CultureInfo.InvariantCulture);
            var rest = line.Groups["rest"].Value;
            var resumed = Resumed().Match(rest);
            if (resumed.Success)
            {
                if (pending.Remove(pid, out var begun))
                {
                    calls.Add(new TracedCall(pid, begun.Name, begun.Text + resumed.Groups["tail"].Value, begun.Start, i));
                }

                continue;
            }

            var name = Name().Match(rest);
            if (!name.Success)
            {
                continue;
            }

            if (rest.EndsWith("<unfinished ...>", StringComparison.Ordinal))
            {
                pending[pid] = (name.Value, rest[..^"<unfinished ...>".Length], i);
            }
            else
            {
                calls.Add(new TracedCall(pid, name.Value, rest, i, i));
            }
        }

        return calls.OrderBy(c => c.Start).ToList();
    }

    [GeneratedRegex(@"^(?<pid>\d+)\s+(?<rest>.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"^<\.\.\. (?<name>\w+) resumed>(?<tail>.*)$")]
    private static partial Regex Resumed();

    [GeneratedRegex(@"^\w+(?=\()")]
    private static partial Regex Name();
}
