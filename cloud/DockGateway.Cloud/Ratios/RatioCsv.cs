using System.Globalization;
using System.Text;

namespace DockGateway.Cloud.Ratios;

/// <summary>Equipment ratios as CSV (RFC 4180, header row, snake_case columns).</summary>
public static class RatioCsv
{
    public const string Header =
        "agency_code,agency_name,class,officers,registered_officers,recorders_total,recorders_in_service,required_recorders,"
        + "compliant,shortfall,legal_review_staff,legal_review_share,legal_review_required,legal_review_compliant,"
        + "legal_review_shortfall,recorders_overdue,computed_at";

    public static string Write(IEnumerable<EquipmentRatio> ratios)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in ratios)
        {
            string[] fields =
            [
                Quote(r.AgencyCode), Quote(r.AgencyName), r.Class, N(r.Officers), N(r.RegisteredOfficers), N(r.RecordersTotal),
                N(r.RecordersInService), N(r.RequiredRecorders), B(r.Compliant), N(r.Shortfall), N(r.LegalReviewStaff),
                r.LegalReviewShare.ToString(CultureInfo.InvariantCulture), N(r.LegalReviewRequired), B(r.LegalReviewCompliant),
                N(r.LegalReviewShortfall), N(r.RecordersOverdue), r.ComputedAt.ToString("O", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', fields).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>See <see cref="Exports.CsvField.Text"/>.</summary>
    public static string Quote(string value) => Exports.CsvField.Text(value);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "true" : "false";
}
