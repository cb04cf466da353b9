using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Registry;

/// <summary>HTTP answers for the CSV imports.</summary>
public static class CsvImportResults
{
    public static bool IsCsv(HttpRequest request) =>
        request.ContentType is { } type && (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase));

    public static IResult NotCsv() => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the import as text/csv.",
        detail: "Content-Type must be text/csv; the first row names the columns.");

    public static IResult From(ImportResult result)
    {
        if (result.Errors.Count == 0)
        {
            return Results.Ok(new ImportSummary(result.Rows, result.Created, result.Updated));
        }

        var errors = result.Errors
            .GroupBy(e => $"line {e.Line}: {e.Field}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return Results.ValidationProblem(
            errors,
            title: "The CSV has invalid rows; nothing was imported.",
            detail: $"{result.Errors.Count} error(s); first on line {result.Errors[0].Line}, field {result.Errors[0].Field}: {result.Errors[0].Message}",
            extensions: new Dictionary<string, object?> { ["rows"] = result.Errors });
    }

    /// <summary>Reads the body as strict UTF-8 and runs <paramref name="import"/>; a body that is not UTF-8 is a 400 naming the line.</summary>
    public static async Task<IResult> ImportAsync(HttpRequest request, Func<string, Task<ImportResult>> import, CancellationToken cancellationToken)
    {
        string csv;
        try
        {
            csv = await CsvBody.ReadAsync(request, cancellationToken);
        }
        catch (CsvFormatException ex)
        {
            return From(ImportResult.Failed([new CsvRowError(ex.Line, "(csv)", ex.Reason)]));
        }

        return From(await import(csv));
    }
}
