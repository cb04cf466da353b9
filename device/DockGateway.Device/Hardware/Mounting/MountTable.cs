using System.Globalization;
using System.Text;

namespace DockGateway.Device.Hardware.Mounting;

/// <summary>The process's mount table (/proc/self/mountinfo): is a path mounted, with which options.</summary>
public static class MountTable
{
    private const string MountInfo = "/proc/self/mountinfo";

    public sealed record Entry(string MountPoint, string FileSystemType, string Source, IReadOnlySet<string> Options);

    /// <summary>The topmost mount at exactly <paramref name="mountPoint"/>, or null.</summary>
    public static Entry? Find(string mountPoint)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mountPoint));
        return Read().LastOrDefault(e => e.MountPoint == full);
    }

    public static IReadOnlyList<Entry> Read()
    {
        var entries = new List<Entry>();
        foreach (var line in File.ReadLines(MountInfo))
        {
            var fields = line.Split(' ');
            var dash = Array.IndexOf(fields, "-", 6);
            if (fields.Length < 10 || dash < 0 || dash + 2 >= fields.Length)
            {
                continue;
            }

            var options = new HashSet<string>(fields[5].Split(','), StringComparer.Ordinal);
            entries.Add(new Entry(Unescape(fields[4]), fields[dash + 1], Unescape(fields[dash + 2]), options));
        }

        return entries;
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as \ooo octal escapes.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length
                && int.TryParse(field.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                builder.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString();
    }
}
