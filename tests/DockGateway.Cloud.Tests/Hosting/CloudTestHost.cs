using System.Net.Http.Headers;
using System.Net.Http.Json;
using DockGateway.Cloud.Hosting;
using DockGateway.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>
/// The real cloud service on Kestrel at 127.0.0.1 and an OS-picked port, on a temporary SQLite file or
/// a fresh PostgreSQL database, with a bootstrap admin token and a hand-driven clock.
/// </summary>
public sealed class CloudTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly PostgresTestDatabase? _postgres;

    private CloudTestHost(WebApplication app, string directory, PostgresTestDatabase? postgres, string adminToken, ManualTimeProvider time)
    {
        _app = app;
        _directory = directory;
        _postgres = postgres;
        AdminToken = adminToken;
        Time = time;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public Uri BaseAddress { get; }

    /// <summary>The bootstrap admin token (<c>DOCKGW_BOOTSTRAP_ADMIN_TOKEN</c>).</summary>
    public string AdminToken { get; }

    public ManualTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The temporary directory holding the data directory (and the SQLite file).</summary>
    public string Directory => _directory;

    /// <summary>Starts a host. <paramref name="settings"/> add configuration keys (e.g. <c>Cloud:Ratios:LegalReviewShare</c>);
    /// <paramref name="configureServices"/> runs after <c>AddCloudServices</c>.</summary>
    public static async Task<CloudTestHost> StartAsync(
        CloudStorageKind storage,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"dockgw-cloud-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var postgres = storage == CloudStorageKind.Postgres ? await PostgresTestDatabase.CreateAsync("cloud") : null;
        var adminToken = "test-admin-" + Guid.NewGuid().ToString("N");
        var time = new ManualTimeProvider();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = directory,
            EnvironmentName = "Production",
            ApplicationName = typeof(CloudServiceCollectionExtensions).Assembly.GetName().Name,
        });
        var config = new Dictionary<string, string?>
        {
            ["Cloud:DataDirectory"] = Path.Combine(directory, "data"),
            ["Cloud:Database:Postgres"] = postgres?.ConnectionString,
            ["DOCKGW_BOOTSTRAP_ADMIN_TOKEN"] = adminToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCloudServices();
        builder.Services.AddSingleton<TimeProvider>(time);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseCloud();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }

        return new CloudTestHost(app, directory, postgres, adminToken, time);
    }

    /// <summary>A client for the host; with a bearer token when <paramref name="token"/> is given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Creates a person token through the admin API and returns its plaintext.</summary>
    public async Task<string> CreateTokenAsync(string role, params string[] agencies)
    {
        using var client = Client(AdminToken);
        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}", role, agencies });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedToken>();
        return created!.Token;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private sealed record CreatedToken(string Token);
}
