using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Retrieval;

/// <summary>The footage search's CSV columns (case numbers separated by <c>;</c>).</summary>
public static class FootageCsv
{
    public static readonly CsvTable<FootageHit> Table = new(
        "sha256,dock_id,entry_index,agency_code,size,recorder,officer_badge,path,recorded_start,recorded_end,ingested_at,received_at,late,stored,case_numbers",
        h =>
        [
            h.Sha256, CsvField.Text(h.DockId), CsvField.Number(h.EntryIndex), CsvField.Text(h.AgencyCode), CsvField.Number(h.Size),
            CsvField.Text(h.Recorder), CsvField.Text(h.OfficerBadge), CsvField.Text(h.Path), CsvField.Time(h.RecordedStart),
            CsvField.Time(h.RecordedEnd), CsvField.Time(h.IngestedAt), CsvField.Time(h.ReceivedAt), h.Late ? "1" : "0", h.Stored ? "1" : "0",
            CsvField.Text(string.Join(';', h.CaseNumbers)),
        ]);
}
