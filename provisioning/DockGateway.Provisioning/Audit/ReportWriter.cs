using Spectre.Console;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Prints a <see cref="VerificationReport"/> for a person: plain lines when the output is a file or
/// a pipe, the same lines with colour through Spectre.Console when it is a terminal.
/// </summary>
public sealed class ReportWriter
{
    private readonly TextWriter _plain;
    private readonly IAnsiConsole? _console;

    public ReportWriter(TextWriter output, bool rich)
    {
        _plain = output;
        _console = rich
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Detect })
            : null;
    }

    public void Write(VerificationReport report)
    {
        Line("bold", $"Audit bundle {report.Bundle}");
        Line(null, $"  origin {report.Origin ?? "(unknown)"}, checkpoint size {report.CheckpointSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(unknown)"}, "
            + $"{report.EntryCount} entries, {report.ProofsChecked} proofs, {report.FootageFilesChecked} stored files hashed");
        Line(null, $"  trusted keys from {report.KeySource}");
        foreach (var check in report.Checks)
        {
            Line("green", $"  ok    {check}");
        }

        foreach (var failure in report.Failures)
        {
            Line("red", $"  FAIL  {failure}");
        }

        // Checks that failed only because of a failure above: shown, not counted again.
        foreach (var consequence in report.Consequences)
        {
            Line(null, $"  then  {consequence}");
        }

        foreach (var warning in report.Warnings)
        {
            Line("yellow", $"  warn  {warning}");
        }

        WriteCustody(report);
        if (report.Passed)
        {
            Line("bold green", "RESULT: PASSED: every check passed");
        }
        else
        {
            Line("bold red", $"RESULT: FAILED: {report.Failures.Count} failure(s), listed above");
        }
    }

    private void WriteCustody(VerificationReport report)
    {
        var custody = report.Custody;
        Line("bold", report.CoveredByEarlierCheckpoint
            ? $"Custody events (entries 0..{report.CoveredSize - 1} only: the last earlier signed checkpoint that still matches; later entries are not trusted)"
            : "Custody events (entries covered by the signed checkpoint)");
        var counts = string.Join(", ", custody.CountsByType.Select(c => $"{c.Key} {c.Value}"));
        Line(null, $"  {(counts.Length == 0 ? "none" : counts)}");
        Line(null, $"  files ingested {custody.Ingested}, erased from recorders {custody.Erased}");
        List("ingested but never erased from the recorder", custody.NotErased);
        List("erased as duplicates of footage already in custody", custody.Duplicates);
        List("late (recording ended more than 24 h before ingest)", custody.Late);
        List("sequence gaps (possibly deleted footage)", custody.Gaps);
        List("errors", custody.Errors);
        List("refused devices", custody.Refused);
    }

    private void List(string title, List<EntryNote> notes)
    {
        Line(notes.Count == 0 ? null : "yellow", $"  {title}: {notes.Count}");
        foreach (var note in notes)
        {
            Line(null, $"    {note}");
        }
    }

    private void Line(string? style, string text)
    {
        if (_console is null)
        {
            _plain.WriteLine(text);
        }
        else if (style is null)
        {
            _console.WriteLine(text);
        }
        else
        {
            _console.MarkupLine($"[{style}]{Markup.Escape(text)}[/]");
        }
    }
}
