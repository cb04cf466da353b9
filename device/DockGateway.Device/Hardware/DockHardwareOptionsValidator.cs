using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Display;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Hardware.Usb;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware;

/// <summary>Checks Dock:Hardware at start; every message names the offending key.</summary>
public sealed class DockHardwareOptionsValidator : IValidateOptions<DockHardwareOptions>
{
    private static readonly string[] s_adapters = [MassStorageAdapter.AdapterName, AmbarellaAdapter.AdapterName];

    public ValidateOptionsResult Validate(string? name, DockHardwareOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        const string S = DockHardwareOptions.Section;
        if (options.Slots.Count == 0)
        {
            errors.Add($"{S}:Slots is empty: map each slot's USB port (dockctl slots learn)");
        }

        var pins = new Dictionary<int, string>();
        for (var i = 0; i < options.Slots.Count; i++)
        {
            var slot = options.Slots[i];
            var key = $"{S}:Slots:{i}";
            if (slot.Slot < 1)
            {
                errors.Add($"{key}:Slot must be 1 or more (was {slot.Slot})");
            }

            if (!UsbPortPath.IsValid(slot.Port))
            {
                errors.Add($"{key}:Port '{slot.Port}' is not a USB port path such as 1-1.3");
            }

            if (options.Slots.Take(i).Any(s => s.Slot == slot.Slot))
            {
                errors.Add($"{key}:Slot {slot.Slot} appears twice");
            }

            if (options.Slots.Take(i).Any(s => s.Port == slot.Port))
            {
                errors.Add($"{key}:Port {slot.Port} is mapped to two slots");
            }

            CheckPin(slot.SwitchPin, $"{key}:SwitchPin", pins, errors);
            CheckPin(slot.GreenLedPin, $"{key}:GreenLedPin", pins, errors);
            CheckPin(slot.RedLedPin, $"{key}:RedLedPin", pins, errors);
        }

        CheckPin(options.BuzzerPin, $"{S}:BuzzerPin", pins, errors);
        if (options.HasGpio && DockGpio.ChipNumber(options.GpioChip) is null)
        {
            errors.Add($"{S}:GpioChip '{options.GpioChip}' is not a chip name such as gpiochip0");
        }

        if (options.Display is { } display)
        {
            errors.AddRange(DisplayOptions.Check(display, $"{S}:Display"));
        }

        for (var i = 0; i < options.RecorderModels.Count; i++)
        {
            var model = options.RecorderModels[i];
            var key = $"{S}:RecorderModels:{i}";
            if (!RecorderModel.TryParse(model.VendorId, out _))
            {
                errors.Add($"{key}:VendorId '{model.VendorId}' is not a 4-digit hex USB vendor id");
            }

            if (model.ProductId != "*" && !RecorderModel.TryParse(model.ProductId, out _))
            {
                errors.Add($"{key}:ProductId '{model.ProductId}' is not a hex USB product id or *");
            }

            if (!s_adapters.Contains(model.Adapter, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{key}:Adapter '{model.Adapter}' is unknown (one of: {string.Join(", ", s_adapters)})");
            }
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{S}:PollInterval {options.PollInterval} must be between 00:00:00.1 and 00:01:00");
        }

        if (!Path.IsPathFullyQualified(options.RunDirectory))
        {
            errors.Add($"{S}:RunDirectory '{options.RunDirectory}' must be an absolute path");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckPin(int? pin, string key, Dictionary<int, string> used, List<string> errors)
    {
        if (pin is not int line)
        {
            return;
        }

        if (line is < 0 or > 511)
        {
            errors.Add($"{key} {line} is not a GPIO line offset (0-511)");
        }
        else if (!used.TryAdd(line, key))
        {
            errors.Add($"{key} {line} is already used by {used[line]}");
        }
    }
}
