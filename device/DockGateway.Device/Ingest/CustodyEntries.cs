using System.Globalization;
using System.Text.Json.Nodes;
using DockGateway.Device.Slots;
using DockGateway.Shared.Custody;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Builds the custody entries of the ingest (snake_case keys; "dock" and "time" are added by the log).
/// Recorder paths: "path" is the UTF-8 text, or, with "path_encoding":"percent", the percent-encoded bytes.
/// </summary>
public static class CustodyEntries
{
    /// <summary>A recorder seated; with its clock skew (seconds, recorder minus dock) and the time set on it, when known.</summary>
    public static JsonObject Inserted(int slot, RecorderIdentity recorder, RecorderClock? clock = null)
    {
        var entry = new JsonObject
        {
            ["type"] = CustodyEntryTypes.Inserted,
            ["slot"] = slot,
            ["recorder"] = recorder.Serial,
            ["vendor"] = recorder.Vendor,
            ["model"] = recorder.Model,
        };
        if (clock?.Skew is { } skew)
        {
            entry["clock_skew_seconds"] = (long)Math.Round(skew.TotalSeconds);
        }

        if (clock?.SetTo is { } setTo)
        {
            entry["clock_set_to"] = Iso(setTo);
        }

        return entry;
    }

    /// <summary>The alert for a recorder whose serial is not registered to this agency (it is ingested all the same).</summary>
    public static JsonObject Unregistered(int slot, RecorderIdentity recorder) => new()
    {
        ["type"] = CustodyEntryTypes.Unregistered,
        ["slot"] = slot,
        ["recorder"] = recorder.Serial,
        ["vendor"] = recorder.Vendor,
        ["model"] = recorder.Model,
    };

    public static JsonObject DeviceRefused(int slot, RecorderIdentity device, string reason) => new()
    {
        ["type"] = CustodyEntryTypes.Refused,
        ["slot"] = slot,
        ["serial"] = device.Serial,
        ["vendor"] = device.Vendor,
        ["model"] = device.Model,
        ["reason"] = "not-a-recorder",
        ["detail"] = reason,
    };

    /// <summary>A known recorder that could not be ingested at all (handshake or volume failed): left untouched.</summary>
    public static JsonObject RecorderFailed(int slot, RecorderIdentity recorder, string reason, string detail)
    {
        var entry = new JsonObject
        {
            ["type"] = CustodyEntryTypes.Error,
            ["slot"] = slot,
            ["recorder"] = recorder.Serial,
            ["vendor"] = recorder.Vendor,
            ["model"] = recorder.Model,
            ["reason"] = reason,
            ["detail"] = detail,
        };
        if (!recorder.IsRegistered)
        {
            entry["unregistered"] = true;
        }

        return entry;
    }

    public static JsonObject Removed(int slot, string recorder, bool complete) => new()
    {
        ["type"] = CustodyEntryTypes.Removed,
        ["slot"] = slot,
        ["recorder"] = recorder,
        ["complete"] = complete,
    };

    public static JsonObject Ingested(int slot, RecorderIdentity recorder, VolumePath path, string sha256, long size, string stored, RecordingTime time, bool late)
    {
        var entry = new JsonObject
        {
            ["type"] = CustodyEntryTypes.Ingested,
            ["slot"] = slot,
            ["recorder"] = recorder.Serial,
            ["vendor"] = recorder.Vendor,
            ["model"] = recorder.Model,
            ["sha256"] = sha256,
            ["size"] = size,
            ["stored"] = stored,
            ["recorded_start"] = Iso(time.Start),
            ["recorded_end"] = Iso(time.End),
            ["time_source"] = time.Source,
            ["late"] = late,
        };
        return WithPath(entry, path);
    }

    public static JsonObject Erased(int slot, string recorder, VolumePath path, string sha256, long ingestedIndex) => WithPath(new JsonObject
    {
        ["type"] = CustodyEntryTypes.Erased,
        ["slot"] = slot,
        ["recorder"] = recorder,
        ["sha256"] = sha256,
        ["ingested"] = ingestedIndex,
    }, path);

    /// <summary>
    /// A file whose bytes are already in custody under entry <paramref name="ingestedIndex"/>: committed before the
    /// file is erased from this recorder, so a crash between the two never leaves a file gone without an entry naming it.
    /// </summary>
    public static JsonObject Duplicate(int slot, string recorder, VolumePath path, string sha256, long size, long ingestedIndex) => WithPath(new JsonObject
    {
        ["type"] = CustodyEntryTypes.Duplicate,
        ["slot"] = slot,
        ["recorder"] = recorder,
        ["sha256"] = sha256,
        ["size"] = size,
        ["ingested"] = ingestedIndex,
    }, path);

    public static JsonObject Late(int slot, string recorder, VolumePath path, string sha256, DateTimeOffset recordedEnd, TimeSpan age) => WithPath(new JsonObject
    {
        ["type"] = CustodyEntryTypes.Late,
        ["slot"] = slot,
        ["recorder"] = recorder,
        ["sha256"] = sha256,
        ["recorded_end"] = Iso(recordedEnd),
        ["hours_after_end"] = (long)age.TotalHours,
    }, path);

    public static JsonObject Gap(int slot, string recorder, long previous, long next) => new()
    {
        ["type"] = CustodyEntryTypes.Gap,
        ["slot"] = slot,
        ["recorder"] = recorder,
        ["previous"] = previous,
        ["next"] = next,
        ["missing_from"] = previous + 1,
        ["missing_to"] = next - 1,
    };

    /// <summary>A file problem: <paramref name="type"/> is <c>error</c> (could not ingest) or <c>refused</c> (will not ingest).</summary>
    public static JsonObject FileProblem(string type, int slot, string recorder, VolumePath? path, string reason, string detail)
    {
        var entry = new JsonObject
        {
            ["type"] = type,
            ["slot"] = slot,
            ["recorder"] = recorder,
            ["reason"] = reason,
            ["detail"] = detail,
        };
        return path is null ? entry : WithPath(entry, path);
    }

    public static JsonObject DiskLow(int slot, string recorder, long freeBytes, long requiredBytes) => new()
    {
        ["type"] = CustodyEntryTypes.DiskLow,
        ["slot"] = slot,
        ["recorder"] = recorder,
        ["free_bytes"] = freeBytes,
        ["required_bytes"] = requiredBytes,
    };

    public static JsonObject Reconciled(int slot, string recorder, VolumePath path, string sha256, long ingestedIndex, string reason) => WithPath(new JsonObject
    {
        ["type"] = CustodyEntryTypes.Reconciled,
        ["slot"] = slot,
        ["recorder"] = recorder,
        ["sha256"] = sha256,
        ["ingested"] = ingestedIndex,
        ["reason"] = reason,
    }, path);

    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject WithPath(JsonObject entry, VolumePath path)
    {
        entry["path"] = path.Display;
        if (!path.IsUtf8)
        {
            entry["path_encoding"] = CustodyEntryTypes.PercentEncoding;
        }

        return entry;
    }
}
