using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Fleet;

/// <summary>Checks the <c>Cloud:Mqtt</c> broker options at start, when a host is configured; messages name the key.</summary>
public sealed class FleetMqttOptionsValidator(IConfiguration configuration) : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        if (name != FleetOptions.MqttSectionName)
        {
            return ValidateOptionsResult.Skip;
        }

        if (!FleetOptions.SubscribesIn(configuration))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = options.Validate(FleetOptions.MqttSectionName);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
