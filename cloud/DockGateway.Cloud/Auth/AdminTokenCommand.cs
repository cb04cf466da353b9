using System.Data.Common;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Auth;

/// <summary>
/// Admin recovery, run on the cloud host with the service's configuration: <c>DockGateway.Cloud admin-token --name NAME
/// [--Cloud:DataDirectory DIR …]</c> brings the database's schema up to date, stores a new admin token (its SHA-256, as
/// every token) and prints the token once on standard output. Exit 0 done, 1 the database failed, 2 usage or configuration.
/// </summary>
public static class AdminTokenCommand
{
    public const string Verb = "admin-token";
    public const string DefaultName = "recovery-admin";

    /// <summary>True when the cloud was started as this command rather than as the server.</summary>
    public static bool Matches(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Verb;

    /// <param name="args">The arguments after <see cref="Verb"/>: <c>--name NAME</c>, then configuration switches.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var name = DefaultName;
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                await errors.WriteLineAsync($"usage: DockGateway.Cloud {Verb} [--name NAME] [--Cloud:DataDirectory DIR | --Cloud:Database:Postgres CONNSTR …]");
                return 0;
            }

            if (args[i] == "--name")
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]) || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    await errors.WriteLineAsync($"{Verb}: --name needs a value, e.g. --name ops");
                    return 2;
                }

                name = args[++i].Trim();
                continue;
            }

            configuration.Add(args[i]);
        }

        try
        {
            return await CreateAsync(name, configuration.ToArray(), output, errors);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await errors.WriteLineAsync($"{Verb}: {failure}");
            }

            return 2;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{Verb}: the database could not be opened or written: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> CreateAsync(string name, string[] configuration, TextWriter output, TextWriter errors)
    {
        // The server's own configuration sources (appsettings.json, environment, these switches) and registrations;
        // nothing is started: no HTTP listener, no MQTT, no bootstrap token.
        var builder = WebApplication.CreateBuilder(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddCloudServices();
        await using var app = builder.Build();

        var database = app.Services.GetRequiredService<ICloudDatabase>();
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(MigrationCatalog.For(database.Dialect), CancellationToken.None);
        var (token, plaintext) = await app.Services.GetRequiredService<PeopleTokenStore>()
            .CreateAsync(name, CloudRoles.Admin, [], Verb, CancellationToken.None);

        await errors.WriteLineAsync($"Created admin token {token.Id} named '{token.Name}'. It is shown once, below; store it now.");
        await output.WriteLineAsync(plaintext);
        return 0;
    }
}
