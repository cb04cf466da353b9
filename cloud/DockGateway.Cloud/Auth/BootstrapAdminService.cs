using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Auth;

/// <summary>
/// When no unrevoked admin token exists yet, stores the hash of <c>DOCKGW_BOOTSTRAP_ADMIN_TOKEN</c>
/// (environment variable or configuration key) as the first admin. Runs after the migrations.
/// </summary>
public sealed class BootstrapAdminService(
    IConfiguration configuration, PeopleTokenStore store, ILogger<BootstrapAdminService> logger) : IHostedService
{
    public const string VariableName = "DOCKGW_BOOTSTRAP_ADMIN_TOKEN";
    public const int MinimumLength = 24;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var token = configuration[VariableName];
        if (string.IsNullOrWhiteSpace(token))
        {
            if (!await store.HasActiveAdminAsync(cancellationToken))
            {
                logger.LogWarning("No admin token exists and {Variable} is not set: nobody can create tokens", VariableName);
            }

            return;
        }

        if (token.Trim().Length < MinimumLength || token.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException($"{VariableName} must be at least {MinimumLength} characters without spaces.");
        }

        if (await store.HasActiveAdminAsync(cancellationToken))
        {
            logger.LogInformation("An admin token exists; {Variable} is ignored", VariableName);
            return;
        }

        var (created, _) = await store.InsertAsync("bootstrap-admin", CloudRoles.Admin, [], null, token, cancellationToken);
        logger.LogInformation("Stored the bootstrap admin token {TokenId} from {Variable}", created.Id, VariableName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
