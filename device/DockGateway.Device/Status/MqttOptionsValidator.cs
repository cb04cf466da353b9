using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Status;

/// <summary>Runs <see cref="MqttOptions.Validate"/> at start so a bad <c>Mqtt:*</c> key stops the service by name.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var errors = options.Validate(MqttOptions.SectionName);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
