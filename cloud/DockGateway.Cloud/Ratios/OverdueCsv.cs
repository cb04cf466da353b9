using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Ratios;

/// <summary>The overdue list's CSV columns.</summary>
public static class OverdueCsv
{
    public static readonly CsvTable<OverdueRecorder> Table = new(
        "serial,agency_code,vendor,model,assigned_badge,officer_name,last_docked_at,last_dock_id,away_since,hours_away",
        r =>
        [
            CsvField.Text(r.Serial), CsvField.Text(r.AgencyCode), CsvField.Text(r.Vendor), CsvField.Text(r.Model),
            CsvField.Text(r.AssignedBadge), CsvField.Text(r.OfficerName), CsvField.Time(r.LastDockedAt), CsvField.Text(r.LastDockId),
            CsvField.Time(r.AwaySince), CsvField.Number(r.HoursAway),
        ]);
}
