namespace DockGateway.Shared.Custody;

/// <summary>The "type" of each custody log entry. Entries are RFC 8785 JSON with snake_case keys.</summary>
public static class CustodyEntryTypes
{
    /// <summary>A recorder was seated and identified: slot, recorder, vendor, model.</summary>
    public const string Inserted = "inserted";

    /// <summary>A file was copied, fsynced, verified and stored: sha256, size, recorder, path, stored, recorded times.</summary>
    public const string Ingested = "ingested";

    /// <summary>A file was deleted from the recorder after its <see cref="Ingested"/> entry was committed.</summary>
    public const string Erased = "erased";

    /// <summary>A device or a file was refused (not a recorder; a symlink, device file, too large…).</summary>
    public const string Refused = "refused";

    /// <summary>Footage that ended more than 24 h before it was ingested.</summary>
    public const string Late = "late";

    /// <summary>A recorder's file sequence numbers skip: footage may have been deleted.</summary>
    public const string Gap = "gap";

    /// <summary>Something failed for a file or a recorder; the recorder keeps the file.</summary>
    public const string Error = "error";

    /// <summary>
    /// A file whose bytes are already in custody under an earlier <see cref="Ingested"/> entry (field "ingested"):
    /// written before the file is erased from this recorder, then followed by <see cref="Erased"/>.
    /// </summary>
    public const string Duplicate = "duplicate";

    /// <summary>A recorder left its slot.</summary>
    public const string Removed = "removed";

    /// <summary>A recorder not registered to this agency was ingested.</summary>
    public const string Unregistered = "unregistered";

    /// <summary>Ingest refused because the dock's storage is low; the recorder was not touched.</summary>
    public const string DiskLow = "disk-low";

    /// <summary>A state left by a crash was resolved (e.g. a file already gone from the recorder).</summary>
    public const string Reconciled = "reconciled";

    /// <summary>The cloud acknowledged a stored file (hash matched).</summary>
    public const string Uploaded = "uploaded";

    /// <summary>A checkpoint was cosigned by a witness.</summary>
    public const string Witnessed = "witnessed";

    /// <summary>Value of "path_encoding" when the recorder's path bytes were not UTF-8: percent-encoded (%XX).</summary>
    public const string PercentEncoding = "percent";
}
