using System.Text.Json.Serialization;

namespace DockGateway.Shared.Custody;

/// <summary>
/// One custody log entry (a leaf of the dock's Merkle tree): RFC 8785 JSON with snake_case keys, its kind in
/// <c>"type"</c>. One sealed record per type; <see cref="CustodyEntryCodec"/> is the only code that writes or reads
/// the JSON. <see cref="Dock"/> and <see cref="Time"/> are set by the dock's log when it commits the entry.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(InsertedEntry), "inserted")]
[JsonDerivedType(typeof(UnregisteredEntry), "unregistered")]
[JsonDerivedType(typeof(IngestedEntry), "ingested")]
[JsonDerivedType(typeof(ErasedEntry), "erased")]
[JsonDerivedType(typeof(DuplicateEntry), "duplicate")]
[JsonDerivedType(typeof(ReconciledEntry), "reconciled")]
[JsonDerivedType(typeof(LateEntry), "late")]
[JsonDerivedType(typeof(GapEntry), "gap")]
[JsonDerivedType(typeof(RefusedEntry), "refused")]
[JsonDerivedType(typeof(ErrorEntry), "error")]
[JsonDerivedType(typeof(DiskLowEntry), "disk-low")]
[JsonDerivedType(typeof(RemovedEntry), "removed")]
[JsonDerivedType(typeof(UploadedEntry), "uploaded")]
[JsonDerivedType(typeof(WitnessedEntry), "witnessed")]
public abstract record CustodyEntry
{
    /// <summary>Value of <c>path_encoding</c> when the recorder's path bytes were not UTF-8: <c>path</c> is percent-encoded (%XX).</summary>
    public const string PercentEncoding = "percent";

    /// <summary>The dock that committed the entry.</summary>
    [JsonRequired]
    public string Dock { get; init; } = string.Empty;

    /// <summary>When the dock committed it (UTC, milliseconds).</summary>
    [JsonRequired]
    [JsonConverter(typeof(CustodyTimeConverter))]
    public DateTimeOffset Time { get; init; }
}
