using System.Globalization;
using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// Overdue recorders as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs on Chinese
/// Windows read names right, header row, snake_case columns, times in RFC 3339 UTC), written row by row.
/// </summary>
public static class OverdueCsv
{
    public const string Header = "serial,agency_code,vendor,model,assigned_badge,officer_name,last_docked_at,last_dock_id,away_since,hours_away";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<OverdueRecorder> recorders, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var r in recorders.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                RatioCsv.Quote(r.Serial), RatioCsv.Quote(r.AgencyCode), RatioCsv.Quote(r.Vendor), RatioCsv.Quote(r.Model),
                RatioCsv.Quote(r.AssignedBadge ?? string.Empty), RatioCsv.Quote(r.OfficerName ?? string.Empty), Time(r.LastDockedAt),
                RatioCsv.Quote(r.LastDockId ?? string.Empty), Time(r.AwaySince), r.HoursAway.ToString(CultureInfo.InvariantCulture),
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Time(DateTimeOffset? t) =>
        t?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
