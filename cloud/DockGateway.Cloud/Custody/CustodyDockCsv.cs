using System.Globalization;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;

namespace DockGateway.Cloud.Custody;

/// <summary>The custody overview as CSV: UTF-8 with a byte-order mark, formula-safe fields, times in RFC 3339 UTC.</summary>
public static class CustodyDockCsv
{
    public const string Header = "dock_id,agency_code,site,origin,status,cosigned_size,cosigned_root,cosigned_at,stored_entries,refusals,last_refused_at,last_refusal_reason";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<CustodyDockItem> docks, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var d in docks.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                RatioCsv.Quote(d.DockId), RatioCsv.Quote(d.AgencyCode), RatioCsv.Quote(d.Site), RatioCsv.Quote(d.Origin ?? string.Empty), d.Status,
                d.CosignedSize?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, RatioCsv.Quote(d.CosignedRoot ?? string.Empty), Time(d.CosignedAt),
                d.StoredEntries.ToString(CultureInfo.InvariantCulture), d.Refusals.ToString(CultureInfo.InvariantCulture), Time(d.LastRefusedAt),
                RatioCsv.Quote(d.LastRefusalReason ?? string.Empty),
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
