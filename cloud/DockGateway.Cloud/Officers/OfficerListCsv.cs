using System.Globalization;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;

namespace DockGateway.Cloud.Officers;

/// <summary>The officer list as CSV: UTF-8 with a byte-order mark, formula-safe, recorders separated by spaces, times in RFC 3339 UTC.</summary>
public static class OfficerListCsv
{
    public const string Header = "agency_code,badge_number,name,recorders,last_ingest_at,recordings_30_days,late_30_days";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<OfficerListItem> officers, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var o in officers.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                RatioCsv.Quote(o.AgencyCode), RatioCsv.Quote(o.BadgeNumber), RatioCsv.Quote(o.Name), RatioCsv.Quote(string.Join(' ', o.Recorders)),
                o.LastIngestAt?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty,
                o.Recordings30Days.ToString(CultureInfo.InvariantCulture), o.Late30Days.ToString(CultureInfo.InvariantCulture),
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }
}
