using System.Security.Cryptography;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Storage;

/// <summary>With umask 022 the cloud's database, footage, partial uploads and keys are still 0600 in 0700 directories.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFileModeTests
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task Data_files_are_0600_and_directories_0700_under_umask_022()
    {
        using var umask = ProcessUmask.Set(0x12); // 022
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        await host.CreateAgencyAsync(); // a write: the SQLite -wal and -shm exist

        var blobs = host.Services.GetRequiredService<IBlobStore>();
        var content = "footage"u8.ToArray();
        var (finished, unfinished) = (UploadIds.New(), UploadIds.New());
        await using (var partial = await blobs.OpenPartialAsync(finished, 0, CancellationToken.None))
        {
            await partial.WriteAsync(content, 0);
            await partial.FlushDurablyAsync(CancellationToken.None);
        }

        await using (var partial = await blobs.OpenPartialAsync(unfinished, 0, CancellationToken.None))
        {
            await partial.WriteAsync("unfinished"u8.ToArray(), 0);
        }

        await blobs.CommitAsync(finished, Convert.ToHexStringLower(SHA256.HashData(content)), CancellationToken.None);

        var data = Path.Combine(host.Directory, "data");
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("cloud.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("cloud.db-wal", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("sha256", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("partial", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == PrivateFile, $"{f} is {File.GetUnixFileMode(f)}"));
        var directories = Directory.GetDirectories(data, "*", SearchOption.AllDirectories).Append(data);
        Assert.All(directories, d => Assert.True(File.GetUnixFileMode(d) == PrivateDirectory, $"{d} is {File.GetUnixFileMode(d)}"));
    }
}
