namespace DockGateway.Cloud.Registry;

/// <summary>A CSV document that cannot be read, and the line where reading failed.</summary>
public sealed class CsvFormatException(int line, string message) : FormatException($"line {line}: {message}")
{
    public int Line { get; } = line;

    public string Reason { get; } = message;
}
