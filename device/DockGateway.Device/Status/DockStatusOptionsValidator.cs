using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Status;

/// <summary>Checks the status options at start; every failure names its configuration key.</summary>
public sealed class DockStatusOptionsValidator : IValidateOptions<DockStatusOptions>
{
    public ValidateOptionsResult Validate(string? name, DockStatusOptions options)
    {
        var errors = new List<string>();
        CheckLevel("Dock:Agency", options.Agency, errors);
        CheckLevel("Dock:DockId", options.DockId, errors);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("Dock:DataDirectory must name the dock's data directory (outbox.db is kept there)");
        }

        if (MqttTopic.PublishError(options.TopicRoot) is { } rootError || options.TopicRoot.EndsWith('/'))
        {
            errors.Add($"{DockStatusOptions.Section}:TopicRoot must be a topic without wildcards or a trailing '/' (was '{options.TopicRoot}')");
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{DockStatusOptions.Section}:Interval must be at least 1 second (was {options.Interval})");
        }

        if (options.Coalesce < TimeSpan.Zero || options.Coalesce > TimeSpan.FromSeconds(10))
        {
            errors.Add($"{DockStatusOptions.Section}:Coalesce must be between 0 and 10 seconds (was {options.Coalesce})");
        }

        if (options.KeepSentEvents < TimeSpan.Zero)
        {
            errors.Add($"{DockStatusOptions.Section}:KeepSentEvents must not be negative (was {options.KeepSentEvents})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckLevel(string key, string value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.AsSpan().IndexOfAny("/+#\0") >= 0)
        {
            errors.Add($"{key} must be a non-empty MQTT topic level without '/', '+' or '#' (was '{value}')");
        }
    }
}
