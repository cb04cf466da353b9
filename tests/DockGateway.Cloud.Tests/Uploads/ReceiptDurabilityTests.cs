using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// The receipt lets the dock delete its copy, so it may only leave the cloud once the footage would survive a
/// power cut. A kill cannot show a missing fsync (the page cache survives a SIGKILL), so this watches the real
/// cloud's system calls with strace during one upload and checks their order: the partial's fsync, then its
/// rename under sha256/ab/cd/, then an fsync of cd, ab, sha256 and partial/, then the database's fsync of the
/// completion, and only then the write of the HTTP answer carrying Upload-Receipt to the dock's socket (the one
/// observable that is the receipt leaving: the signature itself makes no system call).
/// </summary>
public sealed class ReceiptDurabilityTests(ITestOutputHelper output)
{
    private const string Traced = "fsync,fdatasync,rename,renameat,renameat2,link,linkat,openat,mkdir,mkdirat,sendto,sendmsg,write,writev";

    [RequiresFact(Needs.Strace)]
    public async Task The_blob_and_every_directory_on_its_way_are_fsynced_before_the_receipt_is_sent()
    {
        await using var cloud = await CloudProcess.StartAsync("strace");
        using var dock = await ProcessDock.EnrolAsync(cloud);
        var data = RandomNumberGenerator.GetBytes(300 * 1024);
        var sha256 = TusRequests.Sha256Hex(data);

        var log = Path.Combine(cloud.Directory, "strace.log");
        var strace = await AttachAsync(cloud.ProcessId, log);
        string receipt;
        try
        {
            var create = TusRequests.Create(data.Length, TusRequests.Metadata(sha256, data.Length, 1));
            using var created = await dock.SendAsync(create, []);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var location = created.Headers.Location!.OriginalString;
            using var patched = await dock.SendAsync(TusRequests.Patch(location, 0), data);
            Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
            receipt = patched.Headers.GetValues("Upload-Receipt").Single();
        }
        finally
        {
            await DetachAsync(strace);
        }

        var blobs = Path.Combine(cloud.Directory, "data", "blobs");
        var root = Path.Combine(blobs, "sha256");
        var cd = Path.Combine(root, sha256[..2], sha256[2..4]);
        var calls = StraceLog.Read(log);
        var trace = string.Join("\n", calls.Where(c => c.Text.Contains(blobs, StringComparison.Ordinal)
            || c.Text.Contains("cloud.db", StringComparison.Ordinal) && c.Name is "fsync" or "fdatasync"
            || c.Text.Contains("Upload-Receipt", StringComparison.Ordinal)).Select(c => Shorten(c.ToString(), blobs)));
        output.WriteLine(trace);

        var move = calls.SingleOrDefault(c => c.Name is "rename" or "renameat" or "renameat2" or "link" or "linkat"
            && c.Text.Contains("/partial/", StringComparison.Ordinal) && c.Text.Contains(Path.Combine(cd, sha256), StringComparison.Ordinal));
        Assert.True(move is not null, $"no rename of the partial to sha256/…/{sha256}:\n{trace}");
        var sent = calls.FirstOrDefault(c => c.Name is "sendto" or "sendmsg" or "write" or "writev"
            && c.Text.Contains("Upload-Receipt", StringComparison.Ordinal) && c.Text.Contains("TCP", StringComparison.Ordinal));
        Assert.True(sent is not null, $"no answer with Upload-Receipt written to a TCP socket ({receipt[..Math.Min(20, receipt.Length)]}…):\n{trace}");

        var partialSync = calls.LastOrDefault(c => IsSync(c) && c.Text.Contains("/partial/", StringComparison.Ordinal) && c.Before(move!));
        Assert.True(partialSync is not null, $"the partial was not fsync'd before its rename:\n{trace}");

        var directorySyncs = new List<TracedCall>();
        foreach (var directory in new[] { cd, Path.GetDirectoryName(cd)!, root, Path.Combine(blobs, "partial") })
        {
            var sync = calls.FirstOrDefault(c => IsSync(c) && c.Text.Contains($"<{directory}>", StringComparison.Ordinal) && move!.Before(c) && c.Before(sent!));
            Assert.True(sync is not null, $"{Shorten(directory, blobs)} was not fsync'd between the rename and the receipt:\n{trace}");
            directorySyncs.Add(sync!);
        }

        var lastDirectory = directorySyncs.MaxBy(c => c.End)!;
        var completion = calls.FirstOrDefault(c => IsSync(c) && c.Text.Contains("cloud.db", StringComparison.Ordinal) && lastDirectory.Before(c) && c.Before(sent!));
        Assert.True(completion is not null, $"no database fsync (the completion's commit) between the directory fsyncs and the receipt:\n{trace}");
    }

    private static bool IsSync(TracedCall call) => call.Name is "fsync" or "fdatasync" && call.Text.EndsWith("= 0", StringComparison.Ordinal);

    private static string Shorten(string text, string blobs) => text.Replace(blobs, "blobs", StringComparison.Ordinal);

    /// <summary>Attaches strace to every thread of <paramref name="pid"/>, writing to <paramref name="log"/>, and waits until it is attached.</summary>
    private static async Task<Process> AttachAsync(int pid, string log)
    {
        var start = new ProcessStartInfo("strace") { RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "-yy", "-s", "4096", "-e", "trace=" + Traced, "-o", log, "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var strace = Process.Start(start)!;
        var said = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await strace.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            said.AppendLine(line);
            if (line.Contains("attached", StringComparison.Ordinal))
            {
                _ = strace.StandardError.ReadToEndAsync(CancellationToken.None);
                await Task.Delay(500); // every thread attached, not only the first
                return strace;
            }
        }

        throw new InvalidOperationException($"strace did not attach to {pid} (ptrace not allowed?):\n{said}");
    }

    /// <summary>SIGINT makes strace detach and flush its log.</summary>
    private static async Task DetachAsync(Process strace)
    {
        using (var interrupt = Process.Start("kill", ["-INT", strace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await strace.WaitForExitAsync(timeout.Token);
        strace.Dispose();
    }
}
