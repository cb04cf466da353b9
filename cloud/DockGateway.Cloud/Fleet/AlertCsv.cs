using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Fleet;

/// <summary>The cross-agency alert list's CSV columns (with the acknowledgement and a gap's missing range).</summary>
public static class AlertCsv
{
    public static readonly CsvTable<AlertItem> Table = new(
        "received_at,occurred_at,agency_code,dock_id,kind,slot,recorder,file,message,event_key,acknowledged_at,acknowledged_by,acknowledgement_comment,"
        + "missing_from,missing_to",
        a =>
        [
            CsvField.Time(a.ReceivedAt), CsvField.Time(a.OccurredAt), CsvField.Text(a.AgencyCode), CsvField.Text(a.DockId), CsvField.Text(a.Kind),
            CsvField.Number(a.Slot), CsvField.Text(a.Recorder), CsvField.Text(a.File), CsvField.Text(a.Message), CsvField.Text(a.EventKey),
            CsvField.Time(a.AcknowledgedAt), CsvField.Text(a.AcknowledgedBy), CsvField.Text(a.AcknowledgementComment),
            CsvField.Number(a.MissingFrom), CsvField.Number(a.MissingTo),
        ]);
}
