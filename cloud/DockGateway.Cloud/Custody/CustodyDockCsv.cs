using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Custody;

/// <summary>The custody overview's CSV columns.</summary>
public static class CustodyDockCsv
{
    public static readonly CsvTable<CustodyDockItem> Table = new(
        "dock_id,agency_code,site,origin,status,cosigned_size,cosigned_root,cosigned_at,stored_entries,refusals,last_refused_at,last_refusal_reason",
        d =>
        [
            CsvField.Text(d.DockId), CsvField.Text(d.AgencyCode), CsvField.Text(d.Site), CsvField.Text(d.Origin), d.Status,
            CsvField.Number(d.CosignedSize), CsvField.Text(d.CosignedRoot), CsvField.Time(d.CosignedAt), CsvField.Number(d.StoredEntries),
            CsvField.Number(d.Refusals), CsvField.Time(d.LastRefusedAt), CsvField.Text(d.LastRefusalReason),
        ]);
}
