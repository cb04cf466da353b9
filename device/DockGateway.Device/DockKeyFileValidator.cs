using Microsoft.Extensions.Options;

namespace DockGateway.Device;

/// <summary>
/// Refuses to start a dock without its key (Dock:KeyFile): a real dock's key is provisioned, never made up.
/// A simulated dock creates its own, so it passes.
/// </summary>
public sealed class DockKeyFileValidator : IValidateOptions<DockOptions>
{
    public ValidateOptionsResult Validate(string? name, DockOptions options) =>
        options.Simulation.Enabled || File.Exists(options.EffectiveKeyFile)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Dock:KeyFile: no dock key at {options.EffectiveKeyFile}: provision the dock's key first (a 0600 file holding the base64 Ed25519 seed, see KeyFile); --simulate creates one itself");
}
