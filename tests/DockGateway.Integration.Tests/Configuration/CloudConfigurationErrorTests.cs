using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Integration.Tests.Configuration;

/// <summary>The real cloud refuses a bad configuration with one line and exit code 2, before it creates its database.</summary>
public sealed class CloudConfigurationErrorTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dockgw-config-cloud-");

    [Theory]
    [InlineData("Cloud:Http:MaxRequestBodyBytes", "1MB", "a whole number")]
    [InlineData("Cloud:Ratios:LegalReviewShare", "five percent", "a number")]
    [InlineData("Uploads:Expiry", "tomorrow", "a duration such as 00:05:00")]
    [InlineData("DockAuth:TrustForwardedHeaders", "maybe", "true or false")]
    [InlineData("Cloud:Mqtt:Will:Qos", "7", "one of AtMostOnce, AtLeastOnce, ExactlyOnce")]
    [InlineData("Cloud:Blobs:Store", "gcs", "one of FileSystem, S3")]
    public void Unparseable_environment_value_is_one_line_with_exit_2_and_no_database(string key, string value, string expected)
    {
        var variable = key.Replace(":", "__", StringComparison.Ordinal);

        var line = RejectedStart.Cloud(_directory.FullName, environment: new Dictionary<string, string> { [variable] = value }).SingleErrorLine();

        Assert.Contains($"environment variable {variable}: {key} '{value}' is not {expected}", line, StringComparison.Ordinal);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
    }

    [Fact]
    public void Value_out_of_range_is_one_line_from_the_validator_with_exit_2_and_no_database()
    {
        var line = RejectedStart.Cloud(_directory.FullName, ["--Cloud:Ratios:LegalReviewShare", "1.5"]).SingleErrorLine();

        Assert.Contains("Cloud:Ratios:LegalReviewShare", line, StringComparison.Ordinal);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
    }

    [Fact]
    public void Unreachable_s3_endpoint_is_one_line_naming_the_key_with_exit_2_and_no_database()
    {
        var endpoint = $"http://127.0.0.1:{DockGateway.Testing.LoopbackPort.Free()}"; // nothing listens there
        var line = RejectedStart.Cloud(
            _directory.FullName,
            ["--Cloud:Blobs:Store", "s3", "--Cloud:Blobs:S3:Bucket", "footage", "--Cloud:Blobs:S3:ServiceUrl", endpoint],
            new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "key", ["AWS_SECRET_ACCESS_KEY"] = "secret" }).SingleErrorLine();

        Assert.Contains($"Cloud:Blobs:S3:ServiceUrl: bucket 'footage' cannot be reached at {endpoint}", line, StringComparison.Ordinal);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
    }

    [Fact]
    public void Malformed_appsettings_is_one_line_naming_file_and_line()
    {
        var file = Path.Combine(_directory.FullName, "appsettings.json");
        File.WriteAllText(file, "{\n  \"Uploads\": {\n    \"Expiry\": \"01:00:00\"\n    \"MaxSize\": 10\n  }\n}\n");

        var line = RejectedStart.Cloud(_directory.FullName).SingleErrorLine();

        Assert.Contains($"{file} line 4: not valid JSON", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory.FullName, "data")));
    }

    [Fact]
    public void Misspelled_key_in_appsettings_is_refused_with_the_nearest_known_key()
    {
        var file = Path.Combine(_directory.FullName, "appsettings.json");
        File.WriteAllText(file, "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } },\n  \"Witness\": { \"OrignDomain\": \"docks.example.org\" }\n}\n");

        var line = RejectedStart.Cloud(_directory.FullName).SingleErrorLine();

        Assert.Contains($"{file} line 3: unknown key Witness:OrignDomain; did you mean Witness:OriginDomain?", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory.FullName, "data")));
    }

    [Fact]
    public async Task Framework_keys_are_not_refused()
    {
        await using var cloud = await CloudProcess.StartAsync("config", new Dictionary<string, string>
        {
            ["Kestrel__Limits__MaxConcurrentConnections"] = "100",
            ["AllowedHosts"] = "*",
            ["Logging__Console__FormatterName"] = "simple",
            ["SOME_OTHER_TOOL__SETTING"] = "x",
        });

        Assert.False(cloud.HasExited);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
