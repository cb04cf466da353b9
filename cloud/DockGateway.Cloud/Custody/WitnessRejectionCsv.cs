using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Custody;

/// <summary>A dock's refused checkpoints as CSV (the request body verbatim, quoted).</summary>
public static class WitnessRejectionCsv
{
    public const string Header = "dock_id,origin,id,at,reason,body";

    public static IResult Of(string dockId, string? origin, IEnumerable<WitnessRejectionItem> items) =>
        new CsvTable<WitnessRejectionItem>(Header, r =>
            [CsvField.Text(dockId), CsvField.Text(origin), r.Id, CsvField.Time(r.At), CsvField.Text(r.Reason), CsvField.Text(r.Body)])
            .Of(items);
}
