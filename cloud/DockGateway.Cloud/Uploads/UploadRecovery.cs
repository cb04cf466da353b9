using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// At start, finishes every upload a crash left with all its bytes received but not completed
/// (offset = length, <c>completed_at</c> unset), so the dock's next HEAD finds the receipt. Runs in the
/// background (a large partial takes a while to hash); a HEAD or PATCH meanwhile finishes the same upload
/// itself, or answers without a receipt while this pass holds the upload's lock.
/// </summary>
public sealed class UploadRecovery(
    IUploadStore store, UploadLocks locks, UploadCompletion completion, ILogger<UploadRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Finishing the uploads left full by a crash failed; HEAD and PATCH still finish each on demand");
        }
    }

    /// <summary>Finishes each full, unfinished upload; returns how many were looked at.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var full = await store.ListFullAsync(cancellationToken);
        foreach (var id in full)
        {
            await using var held = await locks.TryEnterAsync(id, cancellationToken);
            if (held is null)
            {
                continue; // a request is finishing it right now
            }

            var upload = await store.FindAsync(id, cancellationToken);
            if (upload is { IsComplete: false } && upload.Offset == upload.Length)
            {
                var finish = await completion.FinishAsync(upload, cancellationToken);
                logger.LogInformation("Upload {Upload} from dock {Dock}, left full by a crash: {Outcome}", id, upload.DockId, finish.Outcome);
            }
        }

        return full.Count;
    }
}
