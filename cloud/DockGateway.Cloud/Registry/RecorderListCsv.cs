using System.Globalization;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// The recorder list as CSV: RFC 4180, UTF-8 with a byte-order mark (Excel on Chinese Windows),
/// formula-injection-safe (<see cref="RatioCsv.Quote"/>), times in RFC 3339 UTC, written row by row.
/// </summary>
public static class RecorderListCsv
{
    public const string Header = "serial,agency_code,vendor,model,status,assigned_badge,officer_name,last_docked_at,last_dock_id,overdue";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<RecorderListItem> recorders, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var r in recorders.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                RatioCsv.Quote(r.Serial), RatioCsv.Quote(r.AgencyCode), RatioCsv.Quote(r.Vendor), RatioCsv.Quote(r.Model), r.Status,
                RatioCsv.Quote(r.AssignedBadge ?? string.Empty), RatioCsv.Quote(r.OfficerName ?? string.Empty),
                r.LastDockedAt?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty,
                RatioCsv.Quote(r.LastDockId ?? string.Empty), r.Overdue ? "true" : "false",
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }
}
