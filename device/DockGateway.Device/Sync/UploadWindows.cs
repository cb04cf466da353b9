using System.Globalization;

namespace DockGateway.Device.Sync;

/// <summary>
/// Times of day when uploads may run (shift changes saturate links). "22:00-06:00" wraps midnight;
/// an empty list means always open.
/// </summary>
public sealed class UploadWindows
{
    private readonly (TimeOnly Start, TimeOnly End)[] _windows;

    private UploadWindows((TimeOnly, TimeOnly)[] windows) => _windows = windows;

    public static UploadWindows Always { get; } = new([]);

    /// <summary>Parses "HH:mm-HH:mm[,…]"; throws <see cref="FormatException"/> naming the bad item.</summary>
    public static UploadWindows Parse(string? text, string key = "Sync:UploadWindows")
    {
        var windows = new List<(TimeOnly, TimeOnly)>();
        foreach (var item in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || start == end)
            {
                throw new FormatException($"{key}: '{item}' is not a window 'HH:mm-HH:mm' with different start and end");
            }

            windows.Add((start, end));
        }

        return new UploadWindows([.. windows]);
    }

    public bool IsOpen(TimeOnly now) =>
        _windows.Length == 0 || _windows.Any(w => w.Start < w.End ? now >= w.Start && now < w.End : now >= w.Start || now < w.End);
}
