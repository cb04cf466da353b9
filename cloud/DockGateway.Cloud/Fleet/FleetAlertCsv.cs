using System.Globalization;
using System.Text;
using DockGateway.Cloud.Ratios;

namespace DockGateway.Cloud.Fleet;

/// <summary>Alerts as CSV (RFC 4180, header row, snake_case columns, times in RFC 3339 UTC).</summary>
public static class FleetAlertCsv
{
    public const string Header = "received_at,occurred_at,agency_code,dock_id,kind,slot,recorder,file,message,event_key,missing_from,missing_to";

    public static string Write(IEnumerable<FleetAlert> alerts)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var a in alerts)
        {
            string[] fields =
            [
                Time(a.ReceivedAt), Time(a.OccurredAt), RatioCsv.Quote(a.AgencyCode), RatioCsv.Quote(a.DockId), a.Kind,
                a.Slot?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, RatioCsv.Quote(a.Recorder ?? string.Empty),
                RatioCsv.Quote(a.File ?? string.Empty), RatioCsv.Quote(a.Message ?? string.Empty), RatioCsv.Quote(a.EventKey),
                a.MissingFrom?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, a.MissingTo?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ];
            csv.AppendJoin(',', fields).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture);
}
