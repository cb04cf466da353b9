using DockGateway.Cloud.Registry;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// An agency's equipment ratio (MISSION rule 6). <see cref="Officers"/> is the agency's declared officer
/// count; the required minimum is ⌈officers/2⌉ for class A, ⌈officers/3⌉ for class B and the configured
/// minimum for class C; only in-service recorders count. Legal-review staff are required at
/// ⌈share × officers⌉. A recorder is overdue when it is in service and has not docked within the
/// overdue window (24 h by default) — one never docked counts from when it was issued.
/// </summary>
public sealed record EquipmentRatio(
    string AgencyCode,
    string AgencyName,
    string Class,
    long Officers,
    long RegisteredOfficers,
    long RecordersTotal,
    long RecordersInService,
    long RequiredRecorders,
    bool Compliant,
    long Shortfall,
    long LegalReviewStaff,
    decimal LegalReviewShare,
    long LegalReviewRequired,
    bool LegalReviewCompliant,
    long LegalReviewShortfall,
    long RecordersOverdue,
    DateTimeOffset ComputedAt)
{
    /// <summary>The minimum number of in-service recorders for the agency's class.</summary>
    public static long RequiredFor(string agencyClass, long officers, long? classCMinimum) => agencyClass switch
    {
        "A" => (officers + 1) / 2,
        "B" => (officers + 2) / 3,
        "C" => classCMinimum ?? 0,
        _ => throw new ArgumentOutOfRangeException(nameof(agencyClass), agencyClass, "agency class must be A, B or C"),
    };

    /// <summary>⌈share × officers⌉, in decimal so 0.07 × 100 is 7, not 8.</summary>
    public static long LegalReviewRequiredFor(decimal share, long officers) => (long)decimal.Ceiling(share * officers);

    public static EquipmentRatio From(Agency agency, RatioCounts counts, decimal legalReviewShare, DateTimeOffset computedAt)
    {
        var required = RequiredFor(agency.Class, agency.OfficerCount, agency.ClassCMinimum);
        var legalRequired = LegalReviewRequiredFor(legalReviewShare, agency.OfficerCount);
        return new EquipmentRatio(
            agency.Code, agency.Name, agency.Class, agency.OfficerCount, counts.RegisteredOfficers, counts.RecordersTotal,
            counts.RecordersInService, required, counts.RecordersInService >= required, Math.Max(0, required - counts.RecordersInService),
            agency.LegalReviewStaff, legalReviewShare, legalRequired, agency.LegalReviewStaff >= legalRequired,
            Math.Max(0, legalRequired - agency.LegalReviewStaff), counts.RecordersOverdue, computedAt);
    }
}
