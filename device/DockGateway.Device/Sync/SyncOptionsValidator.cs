using DockGateway.Shared.Notes;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Sync;

/// <summary>Checks <c>Sync:*</c> at start; each failure names its key.</summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var errors = new List<string>();
        if (options.CloudUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"Sync:CloudUrl must be an absolute http(s) URL (was '{options.CloudUrl}')");
        }

        if (string.IsNullOrWhiteSpace(options.DockId))
        {
            errors.Add("Sync:DockId must be the id the cloud gave this dock at enrolment");
        }

        // The receipt key signs notes (Ed25519, type 0x01); the witness key cosigns (cosignature/v1, type 0x04).
        foreach (var (key, value, parse) in new (string, string?, Action<string>)[]
        {
            ("Sync:ReceiptKey", options.ReceiptKey, v => NoteVerifier.Parse(v)),
            ("Sync:WitnessKey", options.WitnessKey, v => CosignatureVerifier.Parse(v)),
        })
        {
            if (value is null)
            {
                errors.Add($"{key} must be the cloud's verifier key from enrolment");
                continue;
            }

            try
            {
                parse(value);
            }
            catch (FormatException e)
            {
                errors.Add($"{key} is not a valid verifier key: {e.Message}");
            }
        }

        if (options.ChunkBytes is < 64 * 1024 or > 64 * 1024 * 1024)
        {
            errors.Add($"Sync:ChunkBytes must be between 65536 and 67108864 (was {options.ChunkBytes})");
        }

        if (options.MaxBytesPerSecond < 0)
        {
            errors.Add($"Sync:MaxBytesPerSecond must be 0 (unlimited) or positive (was {options.MaxBytesPerSecond})");
        }

        try
        {
            UploadWindows.Parse(options.UploadWindows);
        }
        catch (FormatException e)
        {
            errors.Add(e.Message);
        }

        if (options.RetainDays < 0)
        {
            errors.Add($"Sync:RetainDays must not be negative (was {options.RetainDays})");
        }

        if (options.RetryAttempts is < 0 or > 20 || options.RetryDelay <= TimeSpan.Zero)
        {
            errors.Add("Sync:RetryAttempts must be 0..20 and Sync:RetryDelay positive");
        }

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > TimeSpan.FromDays(1))
        {
            errors.Add($"Sync:MaxRetryDelay must be at least Sync:RetryDelay ({options.RetryDelay}) and at most 1 day (was {options.MaxRetryDelay})");
        }

        if (options.WitnessInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Sync:WitnessInterval must be at least 1 second (was {options.WitnessInterval})");
        }

        if (options.EntryBatchSize is < 1 or > 5000)
        {
            errors.Add($"Sync:EntryBatchSize must be between 1 and 5000 (was {options.EntryBatchSize})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
