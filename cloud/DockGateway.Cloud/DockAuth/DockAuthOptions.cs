using System.ComponentModel.DataAnnotations;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Settings under <c>DockAuth</c> for RFC 9421 signed dock requests.</summary>
public sealed class DockAuthOptions
{
    public const string Section = "DockAuth";

    /// <summary><c>DockAuth:MaxAge</c>: a signature older than this is stale (default 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "DockAuth:MaxAge must be between 10 seconds and 1 hour.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>DockAuth:FutureSkew</c>: how far ahead of the cloud's clock <c>created</c> may be (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "DockAuth:FutureSkew must be between 0 and 10 minutes.")]
    public TimeSpan FutureSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>DockAuth:MaxBodyBytes</c>: the largest buffered body of a signed request (uploads stream instead).</summary>
    [Range(1, 256L << 20, ErrorMessage = "DockAuth:MaxBodyBytes must be between 1 byte and 256 MiB.")]
    public long MaxBodyBytes { get; set; } = 8L << 20;

    /// <summary><c>DockAuth:TrustForwardedHeaders</c>: compute <c>@target-uri</c> from X-Forwarded-Proto/Host
    /// (only behind a proxy that sets them).</summary>
    public bool TrustForwardedHeaders { get; set; }
}
