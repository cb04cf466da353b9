using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Retrieval;

namespace DockGateway.Cloud.AccessLog;

/// <summary>The access log as CSV (UTF-8 with a byte-order mark, RFC 4180, formula-safe fields, times in RFC 3339 UTC).</summary>
public static class AccessLogCsv
{
    public const string Header = "at,actor_id,actor_name,role,action,resource,agency_code,detail,id";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                FootageCsv.Time(e.At), RatioCsv.Quote(e.ActorId), RatioCsv.Quote(e.ActorName), RatioCsv.Quote(e.Role), RatioCsv.Quote(e.Action),
                RatioCsv.Quote(e.Resource), RatioCsv.Quote(e.AgencyCode ?? string.Empty), RatioCsv.Quote(e.Detail ?? string.Empty), e.Id,
            ];
            await writer.WriteAsync(string.Join(',', fields) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }
}
