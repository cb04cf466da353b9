namespace DockGateway.Cloud.Ratios;

/// <summary>
/// The SQL pieces of the ratio queries, portable (SQLite and PostgreSQL): an agency (<c>a</c>) beside its
/// trigger-maintained counters (<c>e</c>, migration 0004); the required minimum and the shortfall as
/// <see cref="EquipmentRatio.RequiredFor"/> computes them, so the database can filter, sort and sum them; and one
/// agency's overdue count, an index range on <c>ix_recorders_agency_away</c> (agency, away since; in service only).
/// </summary>
internal static class RatioSql
{
    public const string From = "agencies a LEFT JOIN agency_equipment e ON e.agency_code = a.code";

    public const string Columns = """
        a.code AS Code, a.name AS Name, a.class AS Class, a.officer_count AS OfficerCount,
        a.class_c_minimum AS ClassCMinimum, a.legal_review_staff AS LegalReviewStaff,
        COALESCE(e.officers_registered, 0) AS RegisteredOfficers, COALESCE(e.recorders_total, 0) AS RecordersTotal,
        COALESCE(e.recorders_in_service, 0) AS RecordersInService
        """;

    public const string InService = "COALESCE(e.recorders_in_service, 0)";

    public const string Required =
        "(CASE a.class WHEN 'A' THEN (a.officer_count + 1) / 2 WHEN 'B' THEN (a.officer_count + 2) / 3 ELSE COALESCE(a.class_c_minimum, 0) END)";

    public const string Shortfall = $"(CASE WHEN {Required} > {InService} THEN {Required} - {InService} ELSE 0 END)";

    /// <summary>In-service recorders of the agency <paramref name="code"/> (a column) away since before <c>@cutoff</c>.</summary>
    public static string OverdueOf(string code) =>
        $"(SELECT COUNT(*) FROM recorders r WHERE r.agency_code = {code} AND r.status = 'in-service' AND COALESCE(r.last_docked_at, r.issued_at) < @cutoff)";
}
