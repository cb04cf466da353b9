using System.Diagnostics;

namespace DockGateway.Shared.Faults;

/// <summary>
/// Fault injection for the kill tests, never for production: with the environment variable
/// <c>DOCKGW_TEST_KILL_AT</c> set to a step name, the process (dock or cloud) SIGKILLs itself the
/// first time it reaches that step, as a power cut would. Inert when the variable is unset.
/// Every step name is listed in <see cref="Steps"/>, so a misspelt one stops the process at start.
/// With <c>DOCKGW_TEST_KILL_AFTER</c>=<c>n</c> as well, it dies the n-th time instead of the first.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "DOCKGW_TEST_KILL_AT";

    /// <summary>Which occurrence of the armed step kills (1 when unset).</summary>
    public const string OccurrenceVariable = "DOCKGW_TEST_KILL_AFTER";

    private static readonly string? s_armed = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } step ? step : null;
    private static readonly string? s_occurrence = Environment.GetEnvironmentVariable(OccurrenceVariable);
    private static int s_reached;

    /// <summary>The step this process dies at, or null (production).</summary>
    public static string? Armed => s_armed;

    /// <summary>The dock's ingest steps (DESIGN.md §4), in order.</summary>
    public static IReadOnlyList<string> IngestSteps { get; } = ["copying", "verifying-range", "copied", "stored", "verified", "committed", "erased"];

    /// <summary>
    /// The upload's steps, in order: the dock's <c>upload-queueing</c> (an <c>ingested</c> entry committed to
    /// custody.db, its file not yet in the upload queue in sync.db), then the cloud's completion of an upload whose last chunk arrived
    /// (<c>cloud-offset-committed</c>: the last offset is committed, the full SHA-256 not yet checked and
    /// the partial not yet moved; <c>cloud-blob-committed</c>: the blob is stored under its SHA-256,
    /// <c>completed_at</c> not yet set; <c>cloud-completed</c>: <c>completed_at</c> set, the receipt not
    /// yet sent), then the dock's <c>uploaded-logged</c> (the <c>uploaded</c> entry committed to custody.db,
    /// sync.db not yet marked).
    /// </summary>
    public static IReadOnlyList<string> UploadSteps { get; } = ["upload-queueing", "cloud-offset-committed", "cloud-blob-committed", "cloud-completed", "uploaded-logged"];

    /// <summary>
    /// The cloud's blob commit and receipt, finer than <see cref="UploadSteps"/>: <c>cloud-blob-synced</c> (the
    /// partial fsync'd, not yet renamed under its SHA-256), <c>cloud-blob-renamed</c> (renamed, its directories
    /// not yet fsync'd), <c>cloud-blob-committed</c> (the directories fsync'd), <c>cloud-completed</c>
    /// (<c>completed_at</c> committed, the receipt not yet signed), <c>cloud-receipt-signed</c> (signed, the
    /// answer not yet sent).
    /// </summary>
    public static IReadOnlyList<string> ReceiptSteps { get; } = ["cloud-blob-synced", "cloud-blob-renamed", "cloud-blob-committed", "cloud-completed", "cloud-receipt-signed"];

    /// <summary>
    /// A tus chunk's commit: <c>cloud-chunk-committed</c> (the chunk fdatasync'd, its new offset and its signature's
    /// replay-cache row committed in one transaction, the answer not yet sent), on every chunk.
    /// </summary>
    public static IReadOnlyList<string> ChunkSteps { get; } = ["cloud-chunk-committed"];

    /// <summary>
    /// The S3 footage store's commit: <c>cloud-blob-sent</c> (the object is complete in the bucket, not yet read
    /// back and confirmed), <c>cloud-blob-stored</c> (confirmed, the staged partial not yet removed); then the
    /// <see cref="ReceiptSteps"/> from <c>cloud-blob-committed</c> on.
    /// </summary>
    public static IReadOnlyList<string> S3Steps { get; } = ["cloud-blob-sent", "cloud-blob-stored"];

    /// <summary>
    /// The witness steps, dock and cloud: <c>witness-cosigned</c> (dock: cosignature received, not yet recorded
    /// in custody.db/sync.db), <c>entries-posted</c> (dock: a batch accepted by the cloud, pushed size not yet
    /// saved), <c>cloud-cosigned</c> (cloud: cosigned checkpoint stored, answer not yet sent),
    /// <c>cloud-entries-stored</c> (cloud: entries stored, answer not yet sent).
    /// </summary>
    public static IReadOnlyList<string> WitnessSteps { get; } = ["witness-cosigned", "entries-posted", "cloud-cosigned", "cloud-entries-stored"];

    /// <summary>
    /// The cloud retention job's steps: <c>retention-recorded</c> (deletion records committed, the blob not yet
    /// deleted), <c>retention-deleted</c> (the blob deleted, the records not yet marked done).
    /// </summary>
    public static IReadOnlyList<string> RetentionSteps { get; } = ["retention-recorded", "retention-deleted"];

    /// <summary>
    /// Every step name, the dock's ingest steps first in the order of the custody invariant:
    /// <c>copying</c> (mid-copy, before fsync), <c>verifying-range</c> (mid-copy, in the pipelined read-back:
    /// a range written back, about to be re-read from the disk), <c>copied</c> (fsync'd in incoming/, not yet renamed),
    /// <c>stored</c> (renamed into footage/, not yet verified), <c>verified</c> (SHA-256 re-checked, entry
    /// not yet committed), <c>committed</c> (<c>ingested</c> committed, recorder not yet erased),
    /// <c>erased</c> (erased from the recorder, <c>erased</c> not yet committed); then <see cref="UploadSteps"/>,
    /// <see cref="ReceiptSteps"/>, <see cref="S3Steps"/>, <see cref="WitnessSteps"/> and <see cref="RetentionSteps"/>.
    /// </summary>
    public static IReadOnlyList<string> Steps { get; } = [.. IngestSteps, .. UploadSteps, .. ReceiptSteps.Except(UploadSteps), .. ChunkSteps, .. S3Steps, .. WitnessSteps, .. RetentionSteps];

    /// <summary>Throws when the armed step is not a known one (a typo would otherwise make a kill test pass vacuously).</summary>
    public static void Validate()
    {
        if (s_armed is not null && !Steps.Contains(s_armed))
        {
            throw new InvalidOperationException($"{Variable}={s_armed} is not one of: {string.Join(", ", Steps)}");
        }

        if (s_occurrence is not null && Occurrence() is null)
        {
            throw new InvalidOperationException($"{OccurrenceVariable}={s_occurrence} is not a positive whole number");
        }
    }

    /// <summary>Dies here when <paramref name="step"/> is the armed step.</summary>
    public static void Reached(string step)
    {
        if (s_armed is not null && string.Equals(s_armed, step, StringComparison.Ordinal)
            && Interlocked.Increment(ref s_reached) == (Occurrence() ?? 1))
        {
            Die(step);
        }
    }

    private static int? Occurrence() =>
        s_occurrence is null ? 1
        : int.TryParse(s_occurrence, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static void Die(string step)
    {
        Console.Error.WriteLine($"{Variable}: killing the process at step '{step}'");
        Process.GetCurrentProcess().Kill(); // SIGKILL: no finally blocks, no shutdown, as in a power cut
    }
}
