using System.Buffers;
using System.Text;
using DockGateway.Shared.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Ingest;

/// <summary>
/// The dock's footage storage under the data directory: <c>incoming/</c> for copies in progress
/// (discarded at start), <c>footage/</c> for verified copies, <c>quarantine/</c> for copies that failed
/// verification. Folders are created 0700: only the service account can read footage.
/// </summary>
public sealed class FootageStore
{
    public FootageStore(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        IncomingDirectory = Path.Combine(DataDirectory, "incoming");
        FootageDirectory = Path.Combine(DataDirectory, "footage");
        QuarantineDirectory = Path.Combine(DataDirectory, "quarantine");
    }

    /// <summary>The service's store under Dock:DataDirectory, prepared (<see cref="Prepare"/>) before anything else opens it.</summary>
    public FootageStore(IOptions<DockOptions> options, ILogger<FootageStore> logger)
        : this(options.Value.DataDirectory)
    {
        var discarded = Prepare();
        logger.LogInformation("Footage store {Directory} ready; {Count} temporary files from an interrupted ingest discarded", FootageDirectory, discarded);
    }

    public string DataDirectory { get; }

    public string IncomingDirectory { get; }

    public string FootageDirectory { get; }

    public string QuarantineDirectory { get; }

    /// <summary>Creates the folders and discards temporary files a crash left in incoming/. Returns how many.</summary>
    public int Prepare()
    {
        foreach (var dir in new[] { DataDirectory, IncomingDirectory, FootageDirectory, QuarantineDirectory })
        {
            OwnerOnly.CreateDirectory(dir);
        }

        var discarded = 0;
        foreach (var file in Directory.EnumerateFiles(IncomingDirectory))
        {
            File.Delete(file);
            discarded++;
        }

        DurableDirectory.Sync(IncomingDirectory);
        return discarded;
    }

    public long FreeBytes() => new DriveInfo(DataDirectory).AvailableFreeSpace;

    /// <summary>A new temporary file in incoming/, preallocated to the expected size.</summary>
    public FileStream CreateTemporary(long expectedSize, out string path)
    {
        path = Path.Combine(IncomingDirectory, $"{Guid.NewGuid():N}.part");
        return new FileStream(path, OwnerOnly.Restrict(new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read, // the pipelined read-back opens it while it is written
            BufferSize = 0,
            PreallocationSize = expectedSize,
        }));
    }

    /// <summary>
    /// Renames a synced temporary file to its place under footage/ and
    /// fsyncs the directories touched. Returns the stored path relative to footage/.
    /// </summary>
    public string Commit(string temporaryPath, string recorder, DateTimeOffset recorded, VolumePath source, string sha256)
    {
        var folder = Path.Combine(SafeSegment(recorder, 64), recorded.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var name = $"{SafeSegment(Path.GetFileNameWithoutExtension(source.FileName), 80)}_{sha256[..12]}{SafeExtension(source.Extension)}";
        var relative = Path.Combine(folder, name);
        EnsureDirectory(folder);
        var destination = Path.Combine(FootageDirectory, relative);
        // A file already there is an orphan of a crash between this rename and the ingested commit (a
        // committed copy would have been found by its SHA-256 before): same recorder, name and hash, so
        // the same content. Replacing it is safe.
        File.Move(temporaryPath, destination, overwrite: true);
        DurableDirectory.Sync(Path.GetDirectoryName(destination)!);
        DurableDirectory.Sync(IncomingDirectory);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    public string FullPath(string stored) => Path.Combine(FootageDirectory, stored);

    /// <summary>Moves a stored copy that failed verification out of footage/, keeping it as evidence.</summary>
    public string Quarantine(string fullPath)
    {
        var target = Path.Combine(QuarantineDirectory, $"{Guid.NewGuid():N}-{Path.GetFileName(fullPath)}");
        File.Move(fullPath, target);
        DurableDirectory.Sync(QuarantineDirectory);
        DurableDirectory.Sync(Path.GetDirectoryName(fullPath)!);
        return target;
    }

    /// <summary>A name segment reduced to A-Z a-z 0-9 . _ - (recorder names and serials are untrusted).</summary>
    public static string SafeSegment(string text, int maxLength)
    {
        var safe = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (safe.Length == maxLength)
            {
                break;
            }

            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return safe.Length == 0 ? "_" : safe.ToString();
    }

    private static string SafeExtension(string extension) =>
        extension.Length == 0 ? string.Empty : "." + SafeSegment(extension, 8).ToLowerInvariant();

    private void EnsureDirectory(string relativeFolder)
    {
        var current = FootageDirectory;
        foreach (var segment in relativeFolder.Split(Path.DirectorySeparatorChar))
        {
            var next = Path.Combine(current, segment);
            if (!Directory.Exists(next))
            {
                OwnerOnly.CreateDirectory(next);
                DurableDirectory.Sync(current);
            }

            current = next;
        }
    }
}
