using DockGateway.Device.Slots;
using DockGateway.Shared.Text;

namespace DockGateway.Device.Hardware.Display;

/// <summary>
/// What the 20x4 display shows: two rows per slot, two slots per page, in slot order. The first row
/// is the slot number, its state in a word and the recorder's serial at the right (its last
/// characters when it does not fit); the second, indented, is files done/total and errors, or the
/// reason for an error or refusal. Plain ASCII only. A 20-column row cannot hold the slot, the state,
/// the serial and the counts together, so more than two slots are shown a page at a time.
/// </summary>
public static class SlotScreen
{
    public const int Columns = 20;
    public const int Rows = 4;
    public const int SlotsPerPage = 2;

    private const string Indent = "  ";

    /// <summary>How many pages <paramref name="slots"/> slots take (at least one).</summary>
    public static int Pages(int slots) => Math.Max(1, (slots + SlotsPerPage - 1) / SlotsPerPage);

    /// <summary>The four rows, each exactly <see cref="Columns"/> characters, of page <paramref name="page"/>.</summary>
    public static string[] Lines(IReadOnlyList<SlotStatus> slots, int page)
    {
        var first = page % Pages(slots.Count) * SlotsPerPage;
        var lines = new string[Rows];
        for (var i = 0; i < SlotsPerPage; i++)
        {
            var status = first + i < slots.Count ? slots[first + i] : null;
            lines[2 * i] = Fit(status is null ? string.Empty : Heading(status));
            lines[(2 * i) + 1] = Fit(status is null ? string.Empty : Detail(status));
        }

        return lines;
    }

    /// <summary>The state as a word a person reads at a glance; trouble in capitals.</summary>
    public static string Word(SlotState state) => state switch
    {
        SlotState.Empty => "empty",
        SlotState.Detected => "detected",
        SlotState.Identified => "identified",
        SlotState.Mounted => "opened",
        SlotState.Ingesting => "copying",
        SlotState.Verified => "verified",
        SlotState.Wiped => "wiped",
        SlotState.Done => "done",
        SlotState.Error => "ERROR",
        SlotState.Refused => "REFUSED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no display word for this slot state"),
    };

    private static string Heading(SlotStatus status)
    {
        var left = $"{status.Slot} {Word(status.State)}";
        var serial = Ascii(status.Recorder ?? string.Empty);
        var room = Columns - left.Length - 1;
        if (serial.Length > room)
        {
            serial = room > 0 ? serial[^room..] : string.Empty;
        }

        return serial.Length == 0 ? left : left.PadRight(Columns - serial.Length) + serial;
    }

    private static string Detail(SlotStatus status)
    {
        if (status.Files == 0 && status.Done == 0 && status.Errors == 0)
        {
            return status.State is SlotState.Error or SlotState.Refused ? Indented(Ascii(status.Message)) : string.Empty;
        }

        var counts = $"{status.Done}/{EnglishCount.Of(status.Files, "file", "files")}";
        if (status.Errors == 0)
        {
            return Indented(counts);
        }

        var words = $"{counts}, {status.Errors} {(status.Errors == 1 ? "error" : "errors")}";
        return Indented(words.Length <= Columns ? words : $"{counts} {status.Errors} err");
    }

    private static string Indented(string text) => text.Length + Indent.Length <= Columns ? Indent + text : text;

    private static string Fit(string text) => text.Length >= Columns ? text[..Columns] : text.PadRight(Columns);

    /// <summary>Printable ASCII the HD44780 ROM shows the same everywhere ('\' is a yen sign on some); the rest as '?'.</summary>
    private static string Ascii(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= ' ' and <= '}' and not '\\' ? c : '?';
        }
    });
}
