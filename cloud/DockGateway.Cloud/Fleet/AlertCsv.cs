using System.Globalization;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// The cross-agency alert list as CSV: RFC 4180, UTF-8 with a byte-order mark (Excel on Chinese Windows),
/// formula-injection-safe (<see cref="RatioCsv.Quote"/>), times in RFC 3339 UTC, written row by row.
/// </summary>
public static class AlertCsv
{
    public const string Header =
        "received_at,occurred_at,agency_code,dock_id,kind,slot,recorder,file,message,event_key,acknowledged_at,acknowledged_by,acknowledgement_comment,"
        + "missing_from,missing_to";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AlertItem> alerts, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var a in alerts.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                Time(a.ReceivedAt), Time(a.OccurredAt), RatioCsv.Quote(a.AgencyCode), RatioCsv.Quote(a.DockId), RatioCsv.Quote(a.Kind),
                a.Slot?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, RatioCsv.Quote(a.Recorder ?? string.Empty),
                RatioCsv.Quote(a.File ?? string.Empty), RatioCsv.Quote(a.Message ?? string.Empty), RatioCsv.Quote(a.EventKey),
                Time(a.AcknowledgedAt), RatioCsv.Quote(a.AcknowledgedBy ?? string.Empty), RatioCsv.Quote(a.AcknowledgementComment ?? string.Empty),
                a.MissingFrom?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, a.MissingTo?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Time(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
