using Xunit;

namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>
/// One host per test class (xunit class fixture). Tests in a class share it, so each test uses its own
/// agency codes. Subclasses pick the store; the PostgreSQL one starts nothing when
/// <c>DOCKGW_TEST_POSTGRES</c> is unset (its tests are skipped by <c>[VariantNeeds(Needs.Postgres)]</c>).
/// </summary>
public abstract class CloudHostFixture(CloudStorageKind storage) : IAsyncLifetime
{
    private CloudTestHost? _host;

    public CloudStorageKind Storage { get; } = storage;

    public CloudTestHost Host => _host ?? throw new InvalidOperationException($"The {Storage} test host was not started.");

    protected virtual bool CanStart => true;

    public async Task InitializeAsync()
    {
        if (CanStart)
        {
            _host = await CloudTestHost.StartAsync(Storage);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
