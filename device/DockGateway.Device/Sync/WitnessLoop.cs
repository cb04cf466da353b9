using System.Globalization;
using System.Net;
using System.Text;
using DockGateway.Device.Custody;
using DockGateway.Device.Status;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Witness;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Sync;

/// <summary>
/// The witnessing loop, one round every Sync:WitnessInterval: whenever the dock has signed a checkpoint newer
/// than the last cosigned one, C2SP tlog-witness <c>add-checkpoint</c> with a consistency proof from the last
/// cosigned size; then the <see cref="CustodyMirror"/> sends the entries the cloud lacks up to the cosigned
/// size, each batch proven to a cosigned checkpoint. 200: the cosignature
/// lines are appended to the note and stored with the checkpoint, and a <c>witnessed</c> entry is
/// logged. 409: the cloud's size is taken as the new old size and the request is sent again once.
/// 422 (or another refusal): an alert event, and this checkpoint is not retried (no retry loop).
/// </summary>
public sealed class WitnessLoop(
    HttpClient http, CustodyLog custody, UploadBacklog state, SyncOptions options, TimeProvider time, ILogger<WitnessLoop> logger, DockEventWriter? events = null)
    : BackgroundService
{
    private readonly CustodyMirror _mirror = new(http, custody, state, events, options, time, logger);
    private bool _unreachable;

    internal const string CosignedState = "witness.cosigned_size";
    internal const string RefusedState = "witness.refused_size";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                if (_unreachable)
                {
                    _unreachable = false;
                    logger.LogInformation("Cloud witness reachable again");
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException)
            {
                // A SocketException can escape HttpClient unwrapped when the cloud dies mid-connect (ENOTCONN from
                // RemoteEndPoint, seen in UploadKilledAtEachStepTests): still only the cloud being away, never a reason to stop.
                // Once per outage at warning level; every further round (one per Sync:WitnessInterval) at debug.
                logger.Log(_unreachable ? LogLevel.Debug : LogLevel.Warning, "Cloud witness unreachable: {Error}; retrying every {Delay}", ex.Message, options.WitnessInterval);
                _unreachable = true;
            }

            await Task.Delay(options.WitnessInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One round; returns the size now cosigned (0 when none).</summary>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cosigned = state.GetState(CosignedState);
        if (custody.LatestCheckpoint() is { } latest && latest.Size > cosigned && latest.Size != state.GetState(RefusedState))
        {
            cosigned = await WitnessAsync(latest, cosigned, cancellationToken);
        }

        await _mirror.PushAsync(cosigned, cancellationToken);
        return cosigned;
    }

    private async Task<long> WitnessAsync(StoredCheckpoint latest, long cosigned, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var proof = cosigned == 0 ? [] : custody.ConsistencyProof(cosigned, latest.Size);
            var body = new AddCheckpointRequest(cosigned, proof, latest.Note).Format();
            using var response = await http.PostAsync("api/v1/witness/add-checkpoint", new StringContent(body, Encoding.UTF8, "text/plain"), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                CrashPoint.Reached("witness-cosigned");
                var cosignedNote = latest.Note.TrimEnd('\n') + "\n" + text.TrimEnd('\n') + "\n";
                custody.RecordCosignedCheckpoint(latest.Size, cosignedNote, options.WitnessKey ?? string.Empty);
                state.SetState(CosignedState, latest.Size);
                // A checkpoint that only adds "witnessed" entries is cosigned but not logged again: logging it would
                // sign a newer checkpoint, witness that, log that, and so on for ever. The log comes to rest with its
                // latest checkpoint cosigned (what audit exports carry).
                if (!OnlyWitnessedEntries(cosigned, latest.Size))
                {
                    custody.Append(new WitnessedEntry(latest.Size, options.CloudUrl?.Host ?? "cloud"));
                }

                logger.LogInformation("Checkpoint {Size} cosigned by the cloud witness", latest.Size);
                return latest.Size;
            }

            if (response.StatusCode == HttpStatusCode.Conflict && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cloudSize))
            {
                logger.LogWarning("Witness holds size {CloudSize}, not {Ours}: resynchronising", cloudSize, cosigned);
                cosigned = cloudSize;
                state.SetState(CosignedState, cloudSize);
                continue;
            }

            state.SetState(RefusedState, latest.Size);
            events?.Post(DockEvent.Create(DockEventKind.Error, time.GetUtcNow()) with
            {
                Message = $"cloud witness refused checkpoint {latest.Size} ({(int)response.StatusCode}): {text.Trim()}",
            });
            logger.LogError("Cloud witness refused checkpoint {Size} with {Status}: {Problem}", latest.Size, (int)response.StatusCode, text.Trim());
            return cosigned;
        }

        return cosigned;
    }

    private bool OnlyWitnessedEntries(long from, long to) =>
        from > 0 && from < to && custody.Entries(from, to).All(r => r.Entry is WitnessedEntry);
}
