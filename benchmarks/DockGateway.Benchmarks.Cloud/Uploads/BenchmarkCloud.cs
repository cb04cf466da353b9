using DockGateway.Cloud.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>
/// The real cloud service on Kestrel at 127.0.0.1 (SQLite, file-system blobs in a temporary
/// directory), plus a bare <c>PUT /bench/discard</c> that reads and drops its body: the baseline.
/// </summary>
public sealed class BenchmarkCloud : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private BenchmarkCloud(WebApplication app, string directory, string adminToken)
    {
        _app = app;
        _directory = directory;
        AdminToken = adminToken;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public Uri BaseAddress { get; }

    public string AdminToken { get; }

    public static async Task<BenchmarkCloud> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"dockgw-upload-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var adminToken = "bench-admin-" + Guid.NewGuid().ToString("N");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = directory,
            EnvironmentName = "Production",
            ApplicationName = typeof(CloudServiceCollectionExtensions).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cloud:DataDirectory"] = Path.Combine(directory, "data"),
            ["DOCKGW_BOOTSTRAP_ADMIN_TOKEN"] = adminToken,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddCloudServices();
        var app = builder.Build();
        app.UseCloud();
        app.MapPut("/bench/discard", (Delegate)DiscardAsync).AllowAnonymous();
        await app.StartAsync();
        return new BenchmarkCloud(app, directory, adminToken);
    }

    /// <summary>
    /// Enrols a dock through the admin API (the agency is created on first use, then a one-time token)
    /// and returns its id and key. The cloud runs in this process, so <see cref="CloudProcess"/> is not
    /// used: the <c>/bench/discard</c> baseline must be served by the same Kestrel as the tus uploads.
    /// </summary>
    public async Task<(string DockId, Ed25519PrivateKey Key)> EnrolDockAsync(string agency)
    {
        using var admin = new CloudAdminClient(BaseAddress, AdminToken);
        await admin.EnsureAgencyAsync(agency, agency, officerCount: 10);
        var key = Ed25519PrivateKey.Generate();
        var enrolment = await admin.EnrolDockAsync(agency, key.PublicKey, site: "bench", slots: 8);
        return (enrolment.GetProperty("dockId").GetString()!, key);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<IResult> DiscardAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
        var buffer = new byte[256 * 1024];
        long total = 0;
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }
        return Results.Text(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
