using System.Text;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// An RFC 4180 CSV document: a header row naming the columns, then records. Quoted fields may hold
/// commas, quotes (<c>""</c>) and line breaks; each record remembers the line it starts on. Blank
/// lines are ignored.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRecord> records)
    {
        Header = header;
        Records = records;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="CsvFormatException"/> naming the line on broken quoting.</summary>
    public static CsvTable Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldWasQuoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                if (field.Length > 0 || fieldWasQuoted)
                {
                    throw new CsvFormatException(line, "a quote may only start a field");
                }

                quoted = fieldWasQuoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
                line++;
                recordLine = line;
            }
            else if (fieldWasQuoted)
            {
                throw new CsvFormatException(line, "text after a closing quote");
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CsvFormatException(recordLine, "a quoted field is not closed");
        }

        EndRecord();
        if (records.Count == 0)
        {
            throw new CsvFormatException(1, "the header row is missing");
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        return new CsvTable(header, records.Skip(1).ToList());

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add(new CsvRecord(recordLine, fields.ToList()));
            }

            fields.Clear();
        }
    }
}
