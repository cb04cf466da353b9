using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// CSV imports for officers (<c>badge_number,name</c>) and recorders (<c>serial,vendor,model[,status][,assigned_badge]</c>).
/// Existing rows are updated, new ones created, all in one transaction: any error on any line and
/// nothing is written.
/// </summary>
public sealed class RegistryImport(ICloudDatabase database, TimeProvider time)
{
    public static IReadOnlyList<string> OfficerColumns { get; } = ["badge_number", "name"];

    public static IReadOnlyList<string> RecorderColumns { get; } = ["serial", "vendor", "model"];

    public static IReadOnlyList<string> RecorderOptionalColumns { get; } = ["status", "assigned_badge"];

    public async Task<ImportResult> ImportOfficersAsync(string agencyCode, string csv, CancellationToken cancellationToken)
    {
        if (!TryRead(csv, OfficerColumns, [], out var table, out var errors))
        {
            return ImportResult.Failed(errors);
        }

        var rows = new List<(int Line, string Badge, string Name)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            if (CsvRows.Values(table, record, errors) is not { } v)
            {
                continue;
            }

            var before = errors.Count;
            Check(errors, record.Line, "badge_number", RegistryRules.Badge(v["badge_number"]));
            Check(errors, record.Line, "name", RegistryRules.Text(v["name"]));
            if (v["badge_number"] is { } badge && !seen.TryAdd(badge, record.Line))
            {
                errors.Add(new CsvRowError(record.Line, "badge_number", $"'{badge}' already appears on line {seen[badge]}"));
            }

            if (errors.Count == before)
            {
                rows.Add((record.Line, v["badge_number"]!, v["name"]!));
            }
        }

        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        return await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var created = 0;
                foreach (var row in rows)
                {
                    created += await OfficerStore.UpsertAsync(connection, transaction, agencyCode, row.Badge, row.Name, now, cancellationToken) ? 1 : 0;
                }

                return new ImportResult(rows.Count, created, rows.Count - created, []);
            },
            cancellationToken);
    }

    public async Task<ImportResult> ImportRecordersAsync(string agencyCode, string csv, CancellationToken cancellationToken)
    {
        if (!TryRead(csv, RecorderColumns, RecorderOptionalColumns, out var table, out var errors))
        {
            return ImportResult.Failed(errors);
        }

        var rows = new List<(int Line, RecorderRequest Request)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            if (CsvRows.Values(table, record, errors) is not { } v)
            {
                continue;
            }

            var request = new RecorderRequest(v["serial"], v["vendor"], v["model"],
                v.GetValueOrDefault("status") ?? RecorderStatus.InService, v.GetValueOrDefault("assigned_badge"));
            var before = errors.Count;
            Check(errors, record.Line, "serial", RegistryRules.Serial(request.Serial));
            Check(errors, record.Line, "vendor", RegistryRules.Text(request.Vendor));
            Check(errors, record.Line, "model", RegistryRules.Text(request.Model));
            Check(errors, record.Line, "status", RegistryRules.Status(request.Status));
            Check(errors, record.Line, "assigned_badge", request.AssignedBadge is null ? null : RegistryRules.Badge(request.AssignedBadge));
            if (request.Serial is { } serial && !seen.TryAdd(serial, record.Line))
            {
                errors.Add(new CsvRowError(record.Line, "serial", $"'{serial}' already appears on line {seen[serial]}"));
            }

            if (errors.Count == before)
            {
                rows.Add((record.Line, request));
            }
        }

        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        try
        {
            return await database.InTransactionAsync(
                async (connection, transaction) =>
                {
                    var now = time.GetUtcNow();
                    var created = 0;
                    var refused = new List<CsvRowError>();
                    foreach (var (line, request) in rows)
                    {
                        var outcome = await RecorderStore.SaveAsync(connection, transaction, agencyCode, request, mustBeNew: false, now, cancellationToken);
                        created += outcome == RecorderWrite.Created ? 1 : 0;
                        if (outcome == RecorderWrite.OtherAgency)
                        {
                            refused.Add(new CsvRowError(line, "serial", $"'{request.Serial}' is registered to another agency"));
                        }
                        else if (outcome == RecorderWrite.UnknownOfficer)
                        {
                            refused.Add(new CsvRowError(line, "assigned_badge", $"'{request.AssignedBadge}' is not an officer of {agencyCode}"));
                        }
                    }

                    // Throwing rolls the transaction back: the rows written above vanish.
                    return refused.Count > 0 ? throw new ImportRefusedException(refused) : new ImportResult(rows.Count, created, rows.Count - created, []);
                },
                cancellationToken);
        }
        catch (ImportRefusedException refused)
        {
            return ImportResult.Failed(refused.Errors);
        }
    }

    private static bool TryRead(string csv, IReadOnlyList<string> required, IReadOnlyList<string> optional, out CsvTable table, out List<CsvRowError> errors)
    {
        table = null!;
        try
        {
            table = CsvTable.Parse(csv);
        }
        catch (CsvFormatException ex)
        {
            errors = [new CsvRowError(ex.Line, "(csv)", ex.Reason)];
            return false;
        }

        errors = CsvRows.CheckHeader(table, required, optional);
        return errors.Count == 0;
    }

    private static void Check(List<CsvRowError> errors, int line, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(new CsvRowError(line, field, message));
        }
    }

    private sealed class ImportRefusedException(IReadOnlyList<CsvRowError> errors) : Exception("import refused")
    {
        public IReadOnlyList<CsvRowError> Errors { get; } = errors;
    }
}
