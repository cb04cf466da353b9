using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Fleet;

/// <summary>Checks <c>Cloud:Fleet</c> at start; every message names the key.</summary>
public sealed class FleetOptionsValidator : IValidateOptions<FleetOptions>
{
    public ValidateOptionsResult Validate(string? name, FleetOptions options)
    {
        var failures = new List<string>();
        var root = options.TopicRoot;
        if (string.IsNullOrWhiteSpace(root) || root.StartsWith('/') || root.EndsWith('/') || MqttTopic.PublishError(root) is not null)
        {
            failures.Add($"Cloud:Fleet:TopicRoot must be a topic without wildcards and without a leading or trailing '/' (was '{root}').");
        }

        if (!string.IsNullOrEmpty(options.ShareGroup) && MqttTopic.ShareGroupError(options.ShareGroup) is { } groupError)
        {
            failures.Add($"Cloud:Fleet:ShareGroup {groupError}; leave it empty to subscribe without sharing.");
        }

        if (options.MaxPayloadBytes is < 256 or > 1024 * 1024)
        {
            failures.Add($"Cloud:Fleet:MaxPayloadBytes must be between 256 and 1048576 (was {options.MaxPayloadBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
