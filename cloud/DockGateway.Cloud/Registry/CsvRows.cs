namespace DockGateway.Cloud.Registry;

/// <summary>Checks a CSV table's columns and hands out its records as column-name lookups.</summary>
public static class CsvRows
{
    /// <summary>Column errors (line 1) when a required column is missing or a column is unknown or repeated.</summary>
    public static List<CsvRowError> CheckHeader(CsvTable table, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        var errors = new List<CsvRowError>();
        foreach (var column in required.Where(c => !table.Header.Contains(c)))
        {
            errors.Add(new CsvRowError(1, column, "required column is missing"));
        }

        foreach (var column in table.Header.Where(c => !required.Contains(c) && !optional.Contains(c)))
        {
            errors.Add(new CsvRowError(1, column.Length == 0 ? "(empty)" : column,
                $"unknown column; expected {string.Join(", ", required.Concat(optional))}"));
        }

        foreach (var column in table.Header.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            errors.Add(new CsvRowError(1, column.Key, "column appears more than once"));
        }

        return errors;
    }

    /// <summary>The record's values by column (trimmed; empty = null), or an error when the field count is wrong.</summary>
    public static Dictionary<string, string?>? Values(CsvTable table, CsvRecord record, List<CsvRowError> errors)
    {
        if (record.Fields.Count != table.Header.Count)
        {
            errors.Add(new CsvRowError(record.Line, "(row)", $"expected {table.Header.Count} fields, found {record.Fields.Count}"));
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var value = record.Fields[i].Trim();
            values[table.Header[i]] = value.Length == 0 ? null : value;
        }

        return values;
    }
}
