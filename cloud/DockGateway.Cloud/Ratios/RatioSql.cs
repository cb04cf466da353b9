namespace DockGateway.Cloud.Ratios;

/// <summary>
/// The SQL pieces of the ratio queries, portable (SQLite and PostgreSQL): an agency (<c>a</c>) with its
/// trigger-maintained counters, required minimum and generated shortfall (<c>e</c>, migrations 0004 and 0550; every
/// agency has its row, which <see cref="EquipmentCounts.FindDriftAsync"/> checks), and one agency's overdue count, an
/// index range over its in-service recorders (<c>ix_recorders_agency_status</c> or <c>ix_recorders_agency_away</c>).
/// </summary>
internal static class RatioSql
{
    public const string From = "agency_equipment e JOIN agencies a ON a.code = e.agency_code";

    public const string Columns = """
        a.code AS Code, a.name AS Name, a.class AS Class, a.officer_count AS OfficerCount,
        a.class_c_minimum AS ClassCMinimum, a.legal_review_staff AS LegalReviewStaff,
        e.officers_registered AS RegisteredOfficers, e.recorders_total AS RecordersTotal, e.recorders_in_service AS RecordersInService
        """;

    /// <summary>The required minimum of the agency <c>a</c>, as <see cref="EquipmentRatio.RequiredFor"/> computes it (for recounts).</summary>
    public const string Required =
        "(CASE a.class WHEN 'A' THEN (a.officer_count + 1) / 2 WHEN 'B' THEN (a.officer_count + 2) / 3 ELSE COALESCE(a.class_c_minimum, 0) END)";

    /// <summary>In-service recorders of the agency <paramref name="code"/> (a column) away since before <c>@cutoff</c>.</summary>
    public static string OverdueOf(string code) =>
        $"(SELECT COUNT(*) FROM recorders r WHERE r.agency_code = {code} AND r.status = 'in-service' AND COALESCE(r.last_docked_at, r.issued_at) < @cutoff)";
}
