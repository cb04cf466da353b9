using DockGateway.Cloud.Tests.Blobs;
using DockGateway.Testing;

namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>A cloud host on a temporary SQLite file whose footage store is a real s3rver (started first, killed last);
/// starts nothing when s3rver is not installed (its tests are skipped by <c>[VariantNeeds(Needs.S3rver)]</c>).</summary>
public sealed class S3HostFixture() : CloudHostFixture(CloudStorageKind.Sqlite)
{
    private S3rverProcess? _s3rver;

    public S3rverProcess S3rver => _s3rver ?? throw new InvalidOperationException("s3rver was not started.");

    public override IStoredBlobs StoredBlobs => new S3rverStoredBlobs(S3rver, "footage/");

    protected override bool CanStart => Requirements.Reason(Needs.S3rver) is null;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_s3rver is not null)
        {
            await _s3rver.DisposeAsync();
        }
    }

    protected override async Task<IReadOnlyDictionary<string, string?>?> SettingsAsync()
    {
        _s3rver = await S3rverProcess.StartAsync();
        return _s3rver.Settings();
    }
}
