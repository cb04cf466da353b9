using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DockGateway.Device;

/// <summary>Rejects a bad "Dock" configuration at start, naming the key and the value expected.</summary>
public sealed partial class DockOptionsValidator : IValidateOptions<DockOptions>
{
    public ValidateOptionsResult Validate(string? name, DockOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Dock:DataDirectory is required (the folder for custody.db, dock.key and footage; --data on the command line)");
        }
        else if (!Path.IsPathFullyQualified(Path.GetFullPath(options.DataDirectory)))
        {
            failures.Add($"Dock:DataDirectory '{options.DataDirectory}' is not a usable path");
        }

        if (!NamePattern().IsMatch(options.DockId))
        {
            failures.Add($"Dock:DockId '{options.DockId}' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }

        if (!NamePattern().IsMatch(options.Agency))
        {
            failures.Add($"Dock:Agency '{options.Agency}' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }

        if (options.EffectiveOrigin.Length is 0 or > 200 || options.EffectiveOrigin.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+'))
        {
            failures.Add($"Dock:Origin '{options.EffectiveOrigin}' must be 1-200 characters without spaces or '+' (it is the signed-note key name)");
        }

        Positive(failures, "Dock:MinFreeBytes", options.MinFreeBytes, allowZero: true);
        Positive(failures, "Dock:MaxEntries", options.MaxEntries);
        Positive(failures, "Dock:MaxDepth", options.MaxDepth);
        Positive(failures, "Dock:MaxNameBytes", options.MaxNameBytes);
        Positive(failures, "Dock:MaxPathBytes", options.MaxPathBytes);
        Positive(failures, "Dock:MaxFileBytes", options.MaxFileBytes);
        Positive(failures, "Dock:CheckpointEvery", options.CheckpointEvery);
        if (options.CopyBufferBytes is < 4096 or > 64 * 1024 * 1024)
        {
            failures.Add($"Dock:CopyBufferBytes {options.CopyBufferBytes} must be between 4096 and 67108864");
        }

        if (options.VerifyRangeBytes is < 65536 or > 1 << 30 || options.VerifyRangeBytes % 4096 != 0)
        {
            failures.Add($"Dock:VerifyRangeBytes {options.VerifyRangeBytes} must be a multiple of 4096 between 65536 and 1073741824");
        }

        if (options.LateAfter <= TimeSpan.Zero)
        {
            failures.Add($"Dock:LateAfter '{options.LateAfter}' must be a positive time span such as 24:00:00");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero)
        {
            failures.Add($"Dock:CheckpointInterval '{options.CheckpointInterval}' must be a positive time span such as 00:00:30");
        }

        if (options.MediaExtensionSet.Count == 0)
        {
            failures.Add("Dock:MediaExtensions must list at least one extension, e.g. \"mp4,mov,jpg,wav\"");
        }

        if (options.Simulation.Enabled && options.Simulation.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"Dock:Simulation:PollInterval '{options.Simulation.PollInterval}' must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, long value, bool allowZero = false)
    {
        if (value < 0 || (value == 0 && !allowZero))
        {
            failures.Add($"{key} {value} must be {(allowZero ? "zero or more" : "greater than zero")}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
