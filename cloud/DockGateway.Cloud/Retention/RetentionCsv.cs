using System.Globalization;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Retrieval;

namespace DockGateway.Cloud.Retention;

/// <summary>The retention dry-run as CSV (UTF-8 with a byte-order mark, RFC 4180, formula-safe fields).</summary>
public static class RetentionCsv
{
    public const string Header = "sha256,dock_id,entry_index,agency_code,size,path,retention_days,deletable_at,rule";

    public static string Write(RetentionPreview preview)
    {
        var text = new System.Text.StringBuilder(Header).Append("\r\n");
        foreach (var i in preview.Items)
        {
            string[] fields =
            [
                i.Sha256, RatioCsv.Quote(i.DockId), i.EntryIndex.ToString(CultureInfo.InvariantCulture), RatioCsv.Quote(i.AgencyCode),
                i.Size.ToString(CultureInfo.InvariantCulture), RatioCsv.Quote(i.Path), i.RetentionDays.ToString(CultureInfo.InvariantCulture),
                FootageCsv.Time(i.DeletableAt), RatioCsv.Quote(i.Rule),
            ];
            text.Append(string.Join(',', fields)).Append("\r\n");
        }

        return text.ToString();
    }
}
