using System.Globalization;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;

namespace DockGateway.Cloud.Retrieval;

/// <summary>Footage search hits as CSV (UTF-8 with a byte-order mark, RFC 4180, formula-safe fields, times in RFC 3339 UTC).</summary>
public static class FootageCsv
{
    public const string Header = "sha256,dock_id,entry_index,agency_code,size,recorder,officer_badge,path,recorded_start,recorded_end,ingested_at,received_at,late,stored,case_numbers";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<FootageHit> hits, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var h in hits.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                h.Sha256, RatioCsv.Quote(h.DockId), h.EntryIndex.ToString(CultureInfo.InvariantCulture), RatioCsv.Quote(h.AgencyCode),
                h.Size.ToString(CultureInfo.InvariantCulture), RatioCsv.Quote(h.Recorder), RatioCsv.Quote(h.OfficerBadge ?? string.Empty),
                RatioCsv.Quote(h.Path), Time(h.RecordedStart), Time(h.RecordedEnd), Time(h.IngestedAt), Time(h.ReceivedAt),
                h.Late ? "1" : "0", h.Stored ? "1" : "0", RatioCsv.Quote(string.Join(';', h.CaseNumbers)),
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture);
}
