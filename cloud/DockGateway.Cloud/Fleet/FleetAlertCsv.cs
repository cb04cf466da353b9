using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Fleet;

/// <summary>One agency's recent alerts as CSV columns.</summary>
public static class FleetAlertCsv
{
    public static readonly CsvTable<FleetAlert> Table = new(
        "received_at,occurred_at,agency_code,dock_id,kind,slot,recorder,file,message,event_key,missing_from,missing_to",
        a =>
        [
            CsvField.Time(a.ReceivedAt), CsvField.Time(a.OccurredAt), CsvField.Text(a.AgencyCode), CsvField.Text(a.DockId), CsvField.Text(a.Kind),
            CsvField.Number(a.Slot), CsvField.Text(a.Recorder), CsvField.Text(a.File), CsvField.Text(a.Message), CsvField.Text(a.EventKey),
            CsvField.Number(a.MissingFrom), CsvField.Number(a.MissingTo),
        ]);
}
