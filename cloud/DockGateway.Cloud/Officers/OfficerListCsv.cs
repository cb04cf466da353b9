using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Officers;

/// <summary>The officer list's CSV columns (recorders separated by spaces).</summary>
public static class OfficerListCsv
{
    public static readonly CsvTable<OfficerListItem> Table = new(
        "agency_code,badge_number,name,recorders,last_ingest_at,recordings_30_days,late_30_days",
        o =>
        [
            CsvField.Text(o.AgencyCode), CsvField.Text(o.BadgeNumber), CsvField.Text(o.Name), CsvField.Text(string.Join(' ', o.Recorders)),
            CsvField.Time(o.LastIngestAt), CsvField.Number(o.Recordings30Days), CsvField.Number(o.Late30Days),
        ]);
}
