namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// An agency's evidence rules: whether a download needs a second person's approval, and how many days footage
/// is kept before the retention job may delete it (at least <see cref="MinimumRetentionDays"/>, six months).
/// </summary>
public sealed record EvidenceSettings(string AgencyCode, bool DownloadApproval, int RetentionDays, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    /// <summary>Public-security rules keep recordings at least six months: 183 days.</summary>
    public const int MinimumRetentionDays = 183;

    /// <summary>The most this API accepts (100 years); case-linked footage is held regardless.</summary>
    public const int MaximumRetentionDays = 36_525;

    public static EvidenceSettings Default(string agencyCode) => new(agencyCode, false, MinimumRetentionDays, null, null);
}
