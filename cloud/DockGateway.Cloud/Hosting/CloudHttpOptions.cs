namespace DockGateway.Cloud.Hosting;

/// <summary>The <c>Cloud:Http</c> configuration section.</summary>
public sealed class CloudHttpOptions
{
    /// <summary><c>Cloud:Http:MaxRequestBodyBytes</c>: the largest request body accepted by endpoints
    /// that do not set their own limit (uploads do); larger bodies get 413. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
