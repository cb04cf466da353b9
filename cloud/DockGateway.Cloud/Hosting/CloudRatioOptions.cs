namespace DockGateway.Cloud.Hosting;

/// <summary>The <c>Cloud:Ratios</c> configuration section.</summary>
public sealed class CloudRatioOptions
{
    /// <summary><c>Cloud:Ratios:LegalReviewShare</c>: legal-review staff required as a share of officers
    /// (MISSION rule 6: 5 %, some plans 7 %). Between 0 and 1; default 0.05.</summary>
    public double LegalReviewShare { get; set; } = 0.05;

    /// <summary><c>Cloud:Ratios:OverdueAfter</c>: an in-service recorder not docked for longer than this
    /// (or, never docked, issued longer ago than this) is overdue. Default 24 hours.</summary>
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromHours(24);
}
