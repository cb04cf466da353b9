using Microsoft.Extensions.Options;
using Npgsql;

namespace DockGateway.Cloud.Hosting;

/// <summary>Checks the <c>Cloud</c> section at start; every message names the offending key.</summary>
public sealed class CloudOptionsValidator : IValidateOptions<CloudOptions>
{
    public ValidateOptionsResult Validate(string? name, CloudOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Cloud:DataDirectory must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Database.SqliteFile))
        {
            failures.Add("Cloud:Database:SqliteFile must not be empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.Database.Postgres))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.Database.Postgres);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    failures.Add("Cloud:Database:Postgres has no Host.");
                }
            }
            catch (ArgumentException ex)
            {
                failures.Add($"Cloud:Database:Postgres is not a valid Npgsql connection string: {ex.Message}");
            }
        }

        if (options.Http.MaxRequestBodyBytes < 1024)
        {
            failures.Add($"Cloud:Http:MaxRequestBodyBytes must be at least 1024 (was {options.Http.MaxRequestBodyBytes}).");
        }

        if (double.IsNaN(options.Ratios.LegalReviewShare) || options.Ratios.LegalReviewShare is < 0 or > 1)
        {
            failures.Add($"Cloud:Ratios:LegalReviewShare must be between 0 and 1 (was {options.Ratios.LegalReviewShare}).");
        }

        if (options.Ratios.OverdueAfter <= TimeSpan.Zero)
        {
            failures.Add($"Cloud:Ratios:OverdueAfter must be positive (was {options.Ratios.OverdueAfter}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
