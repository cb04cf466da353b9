namespace DockGateway.Testing.Swarm;

/// <summary>What a swarm run did and what the cloud holds afterwards (<see cref="SwarmRun"/>).</summary>
public sealed record SwarmResult(
    SwarmOptions Options,
    TimeSpan Elapsed,
    IReadOnlyList<TimeSpan> CommitToReceipt,
    IReadOnlyList<TimeSpan> InstanceCpu,
    int RetriedRequests,
    int CompletedUploads,
    int DuplicateCompletions,
    int StoredBlobs,
    int BlobsMatchingTheirHash,
    int UnfinishedUploadsHoldingBytes,
    int AbandonedEmptyUploads,
    int Alerts)
{
    public long Bytes => (long)Options.Files * Options.FileBytes;

    /// <summary>Every file once in the store and matching its hash, every receipt checked (a bad one throws), every event
    /// stored (once: alerts are unique per dock and event key), nothing half-done.</summary>
    public bool ExactlyOnce =>
        CompletedUploads == Options.Files && DuplicateCompletions == 0 && StoredBlobs == Options.Files
        && BlobsMatchingTheirHash == Options.Files && UnfinishedUploadsHoldingBytes == 0
        && Alerts == Options.Files;

    public TimeSpan Percentile(double p)
    {
        var sorted = CommitToReceipt.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Report()
    {
        var seconds = Elapsed.TotalSeconds;
        return string.Join('\n',
            $"swarm: {Options.Docks} docks, {Options.Files} files of {Options.FileBytes >> 20} MiB ({Bytes / (1 << 20)} MiB), chunk {Options.ChunkBytes >> 10} KiB, "
            + $"{Options.Instances} cloud instances behind haproxy, instance 1 SIGKILLed after {Options.KillAfterShare:P0} of the files and restarted",
            $"  elapsed {seconds:F1} s, throughput {Bytes / seconds / 1e6:F1} MB/s, commit→receipt p50 {Percentile(0.5).TotalMilliseconds:F0} ms, "
            + $"p95 {Percentile(0.95).TotalMilliseconds:F0} ms, requests retried {RetriedRequests}",
            "  instance CPU: " + string.Join(", ", InstanceCpu.Select((c, i) => $"instance {i + 1} {c.TotalSeconds:F1} s")),
            $"  completed uploads {CompletedUploads} (twice: {DuplicateCompletions}), blobs {StoredBlobs} (hash matches: {BlobsMatchingTheirHash}), "
            + $"unfinished uploads holding bytes {UnfinishedUploadsHoldingBytes}, abandoned empty uploads {AbandonedEmptyUploads} (expire), "
            + $"alerts {Alerts} of {Options.Files}",
            $"  exactly once: {(ExactlyOnce ? "yes" : "NO")}");
    }
}
