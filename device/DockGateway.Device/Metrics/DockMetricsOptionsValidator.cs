using Microsoft.Extensions.Options;

namespace DockGateway.Device.Metrics;

/// <summary>Checks <c>Dock:Metrics:Listen</c> at start: empty, or an IP address and a port.</summary>
public sealed class DockMetricsOptionsValidator : IValidateOptions<DockMetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, DockMetricsOptions options) =>
        !options.Enabled || options.EndPoint is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Dock:Metrics:Listen must be empty (no endpoint) or an IP address and port such as {DockMetricsOptions.DefaultListen} (was '{options.Listen}').");
}
