namespace DockGateway.Device;

/// <summary>
/// The dock's configuration, section "Dock" (appsettings, environment DOCK__*, command line).
/// Checked at start by <see cref="DockOptionsValidator"/>: a bad value stops the service with the key's name.
/// </summary>
public sealed class DockOptions
{
    public const string Section = "Dock";

    /// <summary>Dock:DataDirectory — custody.db, dock.key, incoming/ and footage/ live here.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>Dock:DockId — this dock's name in custody entries and the checkpoint origin.</summary>
    public string DockId { get; set; } = "dock-1";

    /// <summary>Dock:Agency — the agency's short name, used in the default origin.</summary>
    public string Agency { get; set; } = "agency";

    /// <summary>Dock:Origin — the checkpoint origin and signing key name; default "&lt;Agency&gt;.dockgateway/&lt;DockId&gt;".</summary>
    public string? Origin { get; set; }

    /// <summary>Dock:KeyFile — the dock's Ed25519 key; default "&lt;DataDirectory&gt;/dock.key".</summary>
    public string? KeyFile { get; set; }

    /// <summary>Dock:VerifyAfterCopy — re-read each stored copy and check its SHA-256 before logging it.</summary>
    public bool VerifyAfterCopy { get; set; } = true;

    /// <summary>
    /// Dock:VerifyFromDisk — that re-read comes from the disk (the copy's pages are dropped from the page
    /// cache first), so a medium that acknowledged writes it did not keep is caught; false re-reads memory.
    /// </summary>
    public bool VerifyFromDisk { get; set; } = true;

    /// <summary>Dock:MinFreeBytes — below this much free space in the data directory, ingests are refused.</summary>
    public long MinFreeBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Dock:MediaExtensions — comma-separated extensions that are footage; other files are skipped.</summary>
    public string MediaExtensions { get; set; } = "mp4,mov,m4v,avi,mkv,mts,ts,3gp,jpg,jpeg,png,heic,wav,mp3,m4a,aac,amr,opus";

    /// <summary>Dock:MaxEntries — the walk of a volume stops after this many directory entries.</summary>
    public long MaxEntries { get; set; } = 250_000;

    /// <summary>Dock:MaxDepth — directories deeper than this are not entered.</summary>
    public int MaxDepth { get; set; } = 16;

    /// <summary>Dock:MaxNameBytes — a longer file name is refused.</summary>
    public int MaxNameBytes { get; set; } = 255;

    /// <summary>Dock:MaxPathBytes — a longer relative path is refused.</summary>
    public int MaxPathBytes { get; set; } = 1024;

    /// <summary>Dock:MaxFileBytes — a larger file is refused.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>Dock:LateAfter — footage that ended longer ago than this when ingested is flagged late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Dock:CheckpointEvery — sign a checkpoint after this many new entries (and after each recorder).</summary>
    public int CheckpointEvery { get; set; } = 64;

    /// <summary>Dock:CheckpointInterval — sign a checkpoint at least this often while entries are pending.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Dock:CopyBufferBytes — size of the copy buffer and of the read-back buffer of a copy that starts alone (rounded
    /// up to whole pages, the read-back's at most Dock:VerifyRangeBytes): 1 MiB. A copy that starts beside another
    /// uses half of it (<see cref="Ingest.CopyConcurrency.BufferBytes"/>), so four slots hold 5 MiB of buffers.
    /// </summary>
    public int CopyBufferBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Dock:VerifyRangeBytes — the read-back of step 3 follows the copy in ranges of this size (a multiple
    /// of 4096): each range is written back, dropped from the page cache and re-read while the copy goes on.
    /// </summary>
    public int VerifyRangeBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Dock:Simulation — simulated slots (the --simulate switch).</summary>
    public SimulationOptions Simulation { get; set; } = new();

    public string EffectiveOrigin => string.IsNullOrWhiteSpace(Origin) ? $"{Agency}.dockgateway/{DockId}" : Origin;

    public string EffectiveKeyFile => string.IsNullOrWhiteSpace(KeyFile) ? Path.Combine(DataDirectory, "dock.key") : KeyFile;

    public IReadOnlySet<string> MediaExtensionSet =>
        MediaExtensions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.TrimStart('.').ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
}
