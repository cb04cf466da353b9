using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DockGateway.Testing;
using DockGateway.Testing.Processes;

namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>
/// A real S3-compatible server for the tests: npm's s3rver (pinned by Blobs/S3rver/package-lock.json) on 127.0.0.1
/// and a free port, with its own temporary data directory and one bucket. <see cref="Kill"/> is SIGKILL by PID;
/// <see cref="StartAgainAsync"/> brings it back on the same port and data. Disposing kills it and removes its files.
/// </summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    public const string AccessKey = "S3RVER"; // s3rver's built-in account
    private ChildProcess? _process;

    private S3rverProcess(string bucket)
    {
        Bucket = bucket;
        Port = LoopbackPort.Free();
        Directory = System.IO.Directory.CreateTempSubdirectory("dockgw-s3rver-").FullName;
        CredentialsFile = Path.Combine(Directory, "credentials");
        File.WriteAllText(CredentialsFile, $"[default]\naws_access_key_id = {AccessKey}\naws_secret_access_key = {AccessKey}\n");
        Client = new AmazonS3Client(new BasicAWSCredentials(AccessKey, AccessKey), new AmazonS3Config
        {
            ServiceURL = ServiceUrl,
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public string Bucket { get; }

    public int Port { get; }

    /// <summary>The temporary directory: the credentials file and s3rver's data (<c>data/</c>).</summary>
    public string Directory { get; }

    public string CredentialsFile { get; }

    public string ServiceUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A client of its own, to look at the bucket independently of the store under test.</summary>
    public AmazonS3Client Client { get; }

    public int? ProcessId => _process?.Id;

    /// <summary>The cloud settings that select this server as the footage store (5 MiB parts, so a 12 MiB file takes three).</summary>
    public Dictionary<string, string?> Settings(string? bucket = null) => new()
    {
        ["Cloud:Blobs:Store"] = "s3",
        ["Cloud:Blobs:S3:ServiceUrl"] = ServiceUrl,
        ["Cloud:Blobs:S3:Bucket"] = bucket ?? Bucket,
        ["Cloud:Blobs:S3:CredentialsFile"] = CredentialsFile,
        ["Cloud:Blobs:S3:Prefix"] = "footage",
        ["Cloud:Blobs:S3:PartSize"] = (5 << 20).ToString(CultureInfo.InvariantCulture),
        ["Cloud:Blobs:S3:Timeout"] = "00:00:10",
    };

    public static async Task<S3rverProcess> StartAsync(string bucket = "footage")
    {
        var server = new S3rverProcess(bucket);
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts s3rver (again) on the same port and data directory and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Path.Combine(Requirements.S3rverDirectory, "node_modules", "s3rver", "bin", "s3rver.js"),
                "--directory", Path.Combine(Directory, "data"),
                "--address", "127.0.0.1",
                "--port", Port.ToString(CultureInfo.InvariantCulture),
                "--configure-bucket", Bucket,
                "--no-vhost-buckets",
                "--silent",
            },
        };
        _process = new ChildProcess(start);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with {_process.ExitCode}:\n{_process.Tail}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"s3rver did not listen on {ServiceUrl} within 10 s:\n{_process.Tail}");
    }

    /// <summary>SIGKILL by PID, as in an outage: no shutdown code runs.</summary>
    public void Kill()
    {
        _process?.Kill();
        _process?.Dispose();
        _process = null;
    }

    /// <summary>True once s3rver has written a part of any multipart upload to its data directory.</summary>
    public bool HoldsAnyPart()
    {
        var data = Path.Combine(Directory, "data");
        try
        {
            return System.IO.Directory.EnumerateDirectories(data, "*_S3rver_uploads", SearchOption.AllDirectories)
                .Any(uploads => System.IO.Directory.EnumerateFiles(uploads, "1", SearchOption.AllDirectories).Any());
        }
        catch (IOException)
        {
            return false; // a directory vanished while it was listed
        }
    }

    /// <summary>The keys in the bucket that start with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string prefix = "")
    {
        var listed = await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return listed.S3Objects?.Select(o => o.Key).ToList() ?? [];
    }

    /// <summary>An object's bytes, read with this fixture's own client, or null when absent.</summary>
    public async Task<byte[]?> ReadAsync(string key)
    {
        try
        {
            using var response = await Client.GetObjectAsync(Bucket, key);
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy);
            return copy.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
