namespace DockGateway.Cloud.Registry;

/// <summary>What a CSV import did, or (when <see cref="Errors"/> is not empty) why it did nothing.</summary>
public sealed record ImportResult(int Rows, int Created, int Updated, IReadOnlyList<CsvRowError> Errors)
{
    public static ImportResult Failed(IReadOnlyList<CsvRowError> errors) => new(0, 0, 0, errors);
}
