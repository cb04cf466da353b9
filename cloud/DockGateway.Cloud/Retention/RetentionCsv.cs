using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Retention;

/// <summary>The retention dry run's CSV columns.</summary>
public static class RetentionCsv
{
    public static readonly CsvTable<RetentionPreviewItem> Table = new(
        "sha256,dock_id,entry_index,agency_code,size,path,retention_days,deletable_at,rule",
        i =>
        [
            i.Sha256, CsvField.Text(i.DockId), CsvField.Number(i.EntryIndex), CsvField.Text(i.AgencyCode), CsvField.Number(i.Size),
            CsvField.Text(i.Path), CsvField.Number(i.RetentionDays), CsvField.Time(i.DeletableAt), CsvField.Text(i.Rule),
        ]);
}
