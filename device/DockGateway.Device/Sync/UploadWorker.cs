using System.Text.Json.Nodes;
using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DockGateway.Device.Sync;

/// <summary>
/// Uploads queued footage with tus, one file at a time, inside the upload windows and under the
/// bandwidth cap. Resumes at the server's offset (HEAD) after any interruption; each HTTP request is
/// retried with exponential backoff (Polly); a file that still fails is postponed, never dropped.
/// When the cloud's verified receipt arrives it is logged as an <c>uploaded</c> custody entry, and
/// only then is the item acknowledged (which starts its retention clock).
/// </summary>
public sealed class UploadWorker(
    UploadBacklog queue,
    TusClient tus,
    CustodyLog custody,
    string footageDirectory,
    SyncOptions options,
    TimeProvider time,
    ILogger<UploadWorker> logger) : BackgroundService
{
    private readonly UploadWindows _windows = UploadWindows.Parse(options.UploadWindows);
    private readonly UploadReceiptCheck _receipts = new(options.ReceiptKey);
    private readonly BandwidthLimiter _limiter = new(options.MaxBytesPerSecond, time);
    private readonly ResiliencePipeline<TusResponse> _retry = new ResiliencePipelineBuilder<TusResponse> { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions<TusResponse>
        {
            MaxRetryAttempts = options.RetryAttempts,
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<TusResponse>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException)
                .HandleResult(r => r.Status is >= 500 or 429 or 460),
        })
        .Build();

    /// <summary>Files acknowledged by the cloud since start.</summary>
    public int Acknowledged { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            UploadItem? current = null;
            try
            {
                if (!_windows.IsOpen(TimeOnly.FromDateTime(time.GetLocalNow().DateTime)))
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
                    continue;
                }

                var added = queue.ItemAdded;
                if (queue.NextPending() is not { } item)
                {
                    await IdleAsync(added, stoppingToken);
                    continue;
                }

                current = item;
                await UploadAsync(item, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (current is not null)
                {
                    queue.RecordFailure(current.Entry, ex.Message);
                }

                logger.LogWarning("Upload of entry {Entry} failed ({Error}); it is retried later", current?.Entry, ex.Message);
                await Task.Delay(options.RetryDelay * 10, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Waits until a file is queued (the custody commit wakes it), or 2 s at most as a safety net.</summary>
    private async Task IdleAsync(Task added, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(added, Task.Delay(TimeSpan.FromSeconds(2), time, wake.Token));
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Uploads one item to the end (or until it fails); true when acknowledged.</summary>
    public async Task<bool> UploadAsync(UploadItem item, CancellationToken cancellationToken)
    {
        var path = Path.Combine(footageDirectory, item.Stored);
        var (url, offset, receipt) = await StartAsync(item, cancellationToken);
        if (receipt is null && url is not null)
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var length = (int)Math.Min(options.ChunkBytes, Math.Max(item.Size, 1));
            while (receipt is null && offset < item.Size)
            {
                var read = (int)Math.Min(length, item.Size - offset);
                await _limiter.WaitAsync(read, cancellationToken);
                var chunkOffset = offset;
                var answer = await _retry.ExecuteAsync(async ct => await tus.PatchAsync(url, chunkOffset, file, read, ct), cancellationToken);
                switch (answer.Status)
                {
                    case 204 when answer.Offset is { } next:
                        offset = next;
                        receipt = answer.Receipt;
                        break;
                    case 409 when answer.Offset is { } server:
                        logger.LogInformation("Upload {Entry}: server offset is {Offset}, resuming there", item.Entry, server);
                        offset = server;
                        break;
                    case 404 or 410 or 422:
                        // Expired, deleted, or the whole file's SHA-256 did not match (the cloud deleted it): start over next time.
                        queue.SetUploadUrl(item.Entry, null);
                        return Fail(item, $"upload {url} answered {answer.Status}: {answer.Problem}");
                    default:
                        return Fail(item, $"PATCH {url} at {chunkOffset} answered {answer.Status}: {answer.Problem}");
                }
            }
        }

        if (receipt is null)
        {
            return Fail(item, "the upload ended without a receipt from the cloud");
        }

        if (_receipts.Problem(receipt, item) is { } problem)
        {
            return Fail(item, problem);
        }

        custody.Append(new JsonObject
        {
            ["type"] = CustodyEntryTypes.Uploaded,
            ["entry"] = item.Entry,
            ["sha256"] = item.Sha256,
            ["size"] = item.Size,
            ["upload"] = url?.ToString() ?? string.Empty,
            ["receipt"] = receipt,
        });
        queue.MarkAcknowledged(item.Entry, receipt, time.GetUtcNow());
        Acknowledged++;
        logger.LogInformation("Cloud acknowledged {Sha256} (entry {Entry}, {Size} bytes)", item.Sha256, item.Entry, item.Size);
        return true;
    }

    /// <summary>Creates the upload, or asks the server where an existing one stands.</summary>
    private async Task<(Uri? Url, long Offset, string? Receipt)> StartAsync(UploadItem item, CancellationToken cancellationToken)
    {
        if (item.UploadUrl is { } known)
        {
            var url = new Uri(known);
            var head = await _retry.ExecuteAsync(async ct => await tus.HeadAsync(url, ct), cancellationToken);
            if (head.Status == 200 && head.Offset is { } offset)
            {
                return (url, offset, head.Receipt); // a finished upload answers HEAD with its receipt
            }

            queue.SetUploadUrl(item.Entry, null); // gone (expired or deleted): create a new one
        }

        var created = await _retry.ExecuteAsync(async ct => await tus.CreateAsync(item, ct), cancellationToken);
        if (created.Status != 201 || created.Location is null)
        {
            Fail(item, $"creating the upload answered {created.Status}: {created.Problem}");
            return (null, 0, null);
        }

        queue.SetUploadUrl(item.Entry, created.Location.ToString());
        return (created.Location, created.Offset ?? 0, created.Receipt);
    }

    private bool Fail(UploadItem item, string why)
    {
        queue.RecordFailure(item.Entry, why);
        logger.LogWarning("Upload of entry {Entry} ({Sha256}) postponed: {Reason}", item.Entry, item.Sha256, why);
        return false;
    }
}
