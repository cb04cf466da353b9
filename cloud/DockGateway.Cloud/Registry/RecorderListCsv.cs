using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Registry;

/// <summary>The recorder list's CSV columns.</summary>
public static class RecorderListCsv
{
    public static readonly CsvTable<RecorderListItem> Table = new(
        "serial,agency_code,vendor,model,status,assigned_badge,officer_name,last_docked_at,last_dock_id,overdue",
        r =>
        [
            CsvField.Text(r.Serial), CsvField.Text(r.AgencyCode), CsvField.Text(r.Vendor), CsvField.Text(r.Model), r.Status,
            CsvField.Text(r.AssignedBadge), CsvField.Text(r.OfficerName), CsvField.Time(r.LastDockedAt), CsvField.Text(r.LastDockId),
            r.Overdue ? "true" : "false",
        ]);
}
