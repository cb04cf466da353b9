using System.Globalization;
using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Ratios;

/// <summary>The equipment ratios' CSV columns (computed_at in round-trip form).</summary>
public static class RatioCsv
{
    public static readonly CsvTable<EquipmentRatio> Table = new(
        "agency_code,agency_name,class,officers,registered_officers,recorders_total,recorders_in_service,required_recorders,"
        + "compliant,shortfall,legal_review_staff,legal_review_share,legal_review_required,legal_review_compliant,"
        + "legal_review_shortfall,recorders_overdue,computed_at",
        r =>
        [
            CsvField.Text(r.AgencyCode), CsvField.Text(r.AgencyName), r.Class, CsvField.Number(r.Officers), CsvField.Number(r.RegisteredOfficers),
            CsvField.Number(r.RecordersTotal), CsvField.Number(r.RecordersInService), CsvField.Number(r.RequiredRecorders), Flag(r.Compliant),
            CsvField.Number(r.Shortfall), CsvField.Number(r.LegalReviewStaff), r.LegalReviewShare.ToString(CultureInfo.InvariantCulture),
            CsvField.Number(r.LegalReviewRequired), Flag(r.LegalReviewCompliant), CsvField.Number(r.LegalReviewShortfall),
            CsvField.Number(r.RecordersOverdue), r.ComputedAt.ToString("O", CultureInfo.InvariantCulture),
        ]);

    private static string Flag(bool value) => value ? "true" : "false";
}
