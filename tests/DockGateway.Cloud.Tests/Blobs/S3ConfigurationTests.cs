using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>An S3 store that cannot work stops the cloud at start, naming the setting to fix, before anything opens.</summary>
public sealed class S3ConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-s3-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [RequiresFact(Needs.S3rver)]
    public async Task Missing_bucket_stops_the_cloud_naming_the_bucket_key()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CloudTestHost.StartAsync(CloudStorageKind.Sqlite, s3rver.Settings(bucket: "no-such-bucket")));
        Assert.Contains("Cloud:Blobs:S3:Bucket: there is no bucket 'no-such-bucket'", error.Message, StringComparison.Ordinal);
    }

    [RequiresFact(Needs.S3rver)]
    public async Task Wrong_credentials_stop_the_cloud_naming_the_credentials_key()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        var settings = s3rver.Settings();
        var wrong = Path.Combine(s3rver.Directory, "wrong");
        await File.WriteAllTextAsync(wrong, "[default]\naws_access_key_id = NOBODY\naws_secret_access_key = NOTHING\n");
        settings["Cloud:Blobs:S3:CredentialsFile"] = wrong;
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings));
        Assert.Contains("Cloud:Blobs:S3:CredentialsFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_endpoint_stops_the_cloud_naming_the_service_url_key()
    {
        var settings = Settings();
        settings["Cloud:Blobs:S3:ServiceUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}"; // nothing listens there
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings));
        Assert.Contains("Cloud:Blobs:S3:ServiceUrl: bucket 'footage' cannot be reached", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cloud:Blobs:S3:Bucket", "")]
    [InlineData("Cloud:Blobs:S3:ServiceUrl", "s3.example.org")]
    [InlineData("Cloud:Blobs:S3:PartSize", "1024")]
    [InlineData("Cloud:Blobs:S3:CredentialsFile", "/nonexistent/credentials")]
    [InlineData("Cloud:Blobs:S3:CredentialsFile", "")] // and no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the test's environment
    public async Task Invalid_s3_setting_stops_the_cloud_naming_the_key(string key, string value)
    {
        var settings = Settings();
        settings[key] = value;
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings()
    {
        var credentials = Path.Combine(_directory, "credentials");
        File.WriteAllText(credentials, "[default]\naws_access_key_id = A\naws_secret_access_key = B\n");
        return new Dictionary<string, string?>
        {
            ["Cloud:Blobs:Store"] = "s3",
            ["Cloud:Blobs:S3:ServiceUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
            ["Cloud:Blobs:S3:Bucket"] = "footage",
            ["Cloud:Blobs:S3:CredentialsFile"] = credentials,
        };
    }
}
