using DockGateway.Device.Custody;
using DockGateway.Device.Ingest;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Faults;
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
/// only then is the item acknowledged (which starts its retention clock); at start, and after any
/// unexpected failure, <see cref="UploadAcknowledgements"/> first acknowledges what the log already says
/// was uploaded, so a file is never logged <c>uploaded</c> twice.
/// Never faster than its backoff (<see cref="RetryBackoff"/>), whatever the cloud answers: a failed file
/// waits <c>Sync:RetryDelay</c> doubling per failed attempt (up to <c>Sync:MaxRetryDelay</c>, kept in
/// sync.db across restarts), and after any failed attempt the whole worker pauses as long, doubling
/// per consecutive failure, so a thousand failing files still make only a few requests a second.
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
    /// <summary>The service's worker, uploading from the footage store's <c>footage/</c>.</summary>
    public UploadWorker(UploadBacklog queue, TusClient tus, CustodyLog custody, FootageStore footage, SyncOptions options, TimeProvider time, ILogger<UploadWorker> logger)
        : this(queue, tus, custody, footage.FootageDirectory, options, time, logger)
    {
    }

    /// <summary>Answers that do not move the upload forward (409 resynchronisations, a 204 at the same offset) allowed in one attempt.</summary>
    public const int MaxStalls = 3;

    private readonly UploadWindows _windows = UploadWindows.Parse(options.UploadWindows);
    private readonly UploadReceiptCheck _receipts = new(options.ReceiptKey);
    private readonly BandwidthLimiter _limiter = new(options.MaxBytesPerSecond, time);
    private readonly RetryBackoff _backoff = new(options.RetryDelay, options.MaxRetryDelay);
    private readonly UploadAcknowledgements _acknowledgements = new(queue, custody);
    private int _consecutiveFailures;
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
        var reconcile = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            UploadItem? current = null;
            try
            {
                if (reconcile && _acknowledgements.Reconcile() is > 0 and var acknowledged)
                {
                    logger.LogInformation("{Count} uploads already logged as uploaded were acknowledged in the queue", acknowledged);
                }

                reconcile = false;
                if (!_windows.IsOpen(TimeOnly.FromDateTime(time.GetLocalNow().DateTime)))
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
                    continue;
                }

                var added = queue.ItemAdded;
                if (queue.NextPending(time.GetUtcNow()) is not { } item)
                {
                    await IdleAsync(added, stoppingToken);
                    continue;
                }

                current = item;
                if (await UploadAsync(item, stoppingToken))
                {
                    _consecutiveFailures = 0;
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                reconcile = true; // the failure may have come between the uploaded entry and the acknowledgement
                if (current is not null)
                {
                    RecordFailure(current, ex.Message);
                }

                logger.LogWarning("Upload of entry {Entry} failed ({Error}); it is retried later", current?.Entry, ex.Message);
            }

            await PauseAsync(stoppingToken);
        }
    }

    /// <summary>After a failed attempt: waits the backoff of the worker's consecutive failures (reset by a success).</summary>
    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        var pause = _backoff.After(++_consecutiveFailures);
        logger.LogDebug("Upload worker pauses {Pause} after {Failures} consecutive failed attempts", pause, _consecutiveFailures);
        try
        {
            await Task.Delay(pause, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until a file is queued (the custody commit wakes it), the next postponed file is due, or 2 s at most.</summary>
    private async Task IdleAsync(Task added, CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromSeconds(2);
        if (queue.NextAttemptAt() is { } due && due - time.GetUtcNow() < wait)
        {
            wait = due - time.GetUtcNow() > TimeSpan.Zero ? due - time.GetUtcNow() : TimeSpan.FromMilliseconds(10);
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(added, Task.Delay(wait, time, wake.Token));
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Uploads one item to the end (or until it fails); true when acknowledged. A failure postpones the item by its backoff.</summary>
    public async Task<bool> UploadAsync(UploadItem item, CancellationToken cancellationToken)
    {
        var path = Path.Combine(footageDirectory, item.Stored);
        var (url, offset, receipt, problem) = await StartAsync(item, cancellationToken);
        if (url is null)
        {
            return Fail(item, problem ?? "no upload URL");
        }

        if (receipt is null && offset < item.Size)
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var length = (int)Math.Min(options.ChunkBytes, Math.Max(item.Size, 1));
            var stalls = 0;
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

                if (receipt is null && offset <= chunkOffset && ++stalls >= MaxStalls)
                {
                    return Fail(item, $"the cloud's offset did not move past {chunkOffset} in {MaxStalls} answers");
                }
            }
        }

        if (receipt is null)
        {
            // Every byte is there but no receipt came back (the cloud died while finishing): ask once; a HEAD finishes it.
            var head = await _retry.ExecuteAsync(async ct => await tus.HeadAsync(url, ct), cancellationToken);
            receipt = head.Status == 200 ? head.Receipt : null;
        }

        if (receipt is null)
        {
            return Fail(item, "the upload ended without a receipt from the cloud");
        }

        if (_receipts.Problem(receipt, item) is { } rejected)
        {
            return Fail(item, rejected);
        }

        custody.Append(new UploadedEntry(item.Entry, item.Sha256, item.Size, url.ToString(), receipt));
        CrashPoint.Reached("uploaded-logged");
        queue.MarkAcknowledged(item.Entry, receipt, time.GetUtcNow());
        Acknowledged++;
        logger.LogInformation("Cloud acknowledged {Sha256} (entry {Entry}, {Size} bytes)", item.Sha256, item.Entry, item.Size);
        return true;
    }

    /// <summary>Creates the upload, or asks the server where an existing one stands; or why neither worked.</summary>
    private async Task<(Uri? Url, long Offset, string? Receipt, string? Problem)> StartAsync(UploadItem item, CancellationToken cancellationToken)
    {
        if (item.UploadUrl is { } known)
        {
            var url = new Uri(known);
            var head = await _retry.ExecuteAsync(async ct => await tus.HeadAsync(url, ct), cancellationToken);
            if (head.Status == 200 && head.Offset is { } offset)
            {
                return (url, offset, head.Receipt, null); // a finished upload answers HEAD with its receipt
            }

            queue.SetUploadUrl(item.Entry, null); // gone (expired or deleted): create a new one
        }

        var created = await _retry.ExecuteAsync(async ct => await tus.CreateAsync(item, ct), cancellationToken);
        if (created.Status != 201 || created.Location is null)
        {
            return (null, 0, null, $"creating the upload answered {created.Status}: {created.Problem}");
        }

        queue.SetUploadUrl(item.Entry, created.Location.ToString());
        return (created.Location, created.Offset ?? 0, created.Receipt, null);
    }

    private bool Fail(UploadItem item, string why)
    {
        var postponed = RecordFailure(item, why);
        logger.LogWarning("Upload of entry {Entry} ({Sha256}) postponed for {Delay}: {Reason}", item.Entry, item.Sha256, postponed, why);
        return false;
    }

    /// <summary>Counts the failed attempt and postpones the item by the backoff of its failed attempts so far.</summary>
    private TimeSpan RecordFailure(UploadItem item, string why)
    {
        var delay = _backoff.After(item.Attempts + 1);
        queue.RecordFailure(item.Entry, why, time.GetUtcNow() + delay);
        return delay;
    }
}
