using DockGateway.Cloud.Tests.Blobs;
using Xunit;

namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>
/// One host per test class (xunit class fixture). Tests in a class share it, so each test uses its own
/// agency codes. Subclasses pick the store; the PostgreSQL one starts nothing when
/// <c>DOCKGW_TEST_POSTGRES</c> is unset (its tests are skipped by <c>[VariantNeeds(Needs.Postgres)]</c>).
/// The footage store is the file system unless a subclass adds its settings (the S3 one).
/// </summary>
public abstract class CloudHostFixture(CloudStorageKind storage) : IAsyncLifetime
{
    private CloudTestHost? _host;

    public CloudStorageKind Storage { get; } = storage;

    public CloudTestHost Host => _host ?? throw new InvalidOperationException($"The {Storage} test host was not started.");

    /// <summary>The footage store's backing, seen without the store.</summary>
    public virtual IStoredBlobs StoredBlobs => new FileSystemStoredBlobs(Path.Combine(Host.Directory, "data", "blobs"));

    protected virtual bool CanStart => true;

    public async Task InitializeAsync()
    {
        if (CanStart)
        {
            try
            {
                _host = await CloudTestHost.StartAsync(Storage, await SettingsAsync());
            }
            catch
            {
                await DisposeAsync(); // stops what SettingsAsync started
                throw;
            }
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Extra configuration for the host (started before it: an S3 server).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>?> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>?>(null);
}
