namespace DockGateway.Shared.Custody;

/// <summary>
/// The fields of a custody entry that auditors and the cloud look at. Absent fields are null.
/// <see cref="Path"/> is the recorder-side path; when <see cref="PathEncoding"/> is "percent" it is
/// the percent-encoded form of non-UTF-8 bytes. <see cref="Stored"/> is relative to the dock's footage directory.
/// </summary>
public sealed record CustodyEntryFields(
    string Type,
    string? Dock,
    string? Time,
    int? Slot,
    string? Recorder,
    string? Sha256,
    long? Size,
    string? Path,
    string? PathEncoding,
    string? Stored,
    bool? Late);
