using Microsoft.Extensions.Options;

namespace DockGateway.Shared.Configuration;

/// <summary>Options that parsed but failed their validators (ValidateOnStart), printed one "configuration error: …" line per key.</summary>
public static class OptionsFailureReport
{
    /// <summary>
    /// Prints every option failure in <paramref name="e"/> (one <see cref="OptionsValidationException"/>, or several
    /// from the start-up check) to <paramref name="errors"/>, one line each naming its key. False for any other exception.
    /// </summary>
    public static bool Write(Exception e, TextWriter errors)
    {
        IEnumerable<Exception> all = e is AggregateException aggregate ? aggregate.InnerExceptions : [e];
        if (!all.Any() || !all.All(x => x is OptionsValidationException))
        {
            return false;
        }

        // Distinct: options built from other options (Sync:DockId from Dock:DockId) repeat the failures of those.
        foreach (var failure in all.Cast<OptionsValidationException>().SelectMany(x => x.Failures).Distinct())
        {
            errors.WriteLine(ConfigurationCheck.ErrorPrefix + failure);
        }

        return true;
    }
}
