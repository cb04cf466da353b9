using System.ComponentModel.DataAnnotations;

namespace DockGateway.Cloud.Enrolment;

/// <summary>Settings under <c>Enrolment</c>.</summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    /// <summary><c>Enrolment:TokenLifetime</c>: how long a new enrolment token stays valid (default 24 h).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Enrolment:TokenLifetime must be between 1 minute and 30 days.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
