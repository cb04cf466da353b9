using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;

namespace DockGateway.Cloud.Custody;

/// <summary>A dock's refused checkpoints as CSV (UTF-8 with a byte-order mark, formula-safe; the request body verbatim, quoted).</summary>
public static class WitnessRejectionCsv
{
    public const string Header = "dock_id,origin,id,at,reason,body";

    public static IResult Of(string dockId, string? origin, IEnumerable<WitnessRejectionItem> items)
    {
        var lines = items.Select(r => string.Join(',',
            RatioCsv.Quote(dockId), RatioCsv.Quote(origin ?? string.Empty), r.Id, CustodyDockCsv.Time(r.At), RatioCsv.Quote(r.Reason), RatioCsv.Quote(r.Body)));
        return CsvDownload.Of(string.Join("\r\n", [Header, .. lines]) + "\r\n");
    }
}
