using System.Text;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// The files of an auditor bundle, read as they are: <c>checkpoint</c> (a signed note),
/// <c>entries.jsonl</c> (line i = the exact bytes of leaf i), <c>keys.txt</c> (verifier keys, one a
/// line), <c>checkpoints/&lt;size&gt;</c> (every signed checkpoint the dock kept, one note a file) and
/// <c>proofs/&lt;sha256&gt;.tlog-proof</c>. A missing part is null; judging it is the verifier's job.
/// Input errors (<see cref="InputException"/>, exit 2): no bundle directory, a directory holding neither
/// checkpoint nor entries.jsonl (empty, or not a bundle), or a part that cannot be read.
/// </summary>
public sealed class AuditBundle
{
    public const string CheckpointFile = "checkpoint";
    public const string EntriesFile = "entries.jsonl";
    public const string KeysFile = "keys.txt";
    public const string ProofsDirectory = "proofs";
    public const string ProofExtension = ".tlog-proof";
    public const string CheckpointsDirectory = "checkpoints";

    private AuditBundle(string directory) => Directory = directory;

    public string Directory { get; }

    public string? Checkpoint { get; private init; }

    /// <summary>The leaves, one per line, without their line feeds; null when entries.jsonl is missing.</summary>
    public IReadOnlyList<byte[]>? Entries { get; private init; }

    /// <summary>True when entries.jsonl does not end with a line feed (each line should).</summary>
    public bool EntriesUnterminated { get; private init; }

    public IReadOnlyList<string>? Keys { get; private init; }

    public IReadOnlyList<ProofFile> Proofs { get; private init; } = [];

    /// <summary>The notes under checkpoints/ (every signed checkpoint the dock exported), by file name; empty for an older bundle.</summary>
    public IReadOnlyList<BundleNote> SignedCheckpoints { get; private init; } = [];

    public static AuditBundle Load(string directory)
    {
        if (File.Exists(directory))
        {
            throw new InputException($"bundle '{directory}' is a file, not a bundle directory");
        }

        if (!System.IO.Directory.Exists(directory))
        {
            throw new InputException($"bundle directory '{directory}' does not exist");
        }

        try
        {
            return Read(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"bundle directory '{directory}' cannot be read: {e.Message}", e);
        }
    }

    private static AuditBundle Read(string directory)
    {
        var present = System.IO.Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        if (!present.Contains(CheckpointFile) && !present.Contains(EntriesFile))
        {
            var missing = string.Join(", ", new[] { CheckpointFile, EntriesFile, KeysFile, ProofsDirectory + "/" }.Where(p => !present.Contains(p.TrimEnd('/'))));
            throw new InputException(present.Count == 0
                ? $"bundle directory '{directory}' is empty: {missing} are missing (write one with 'dockctl audit export')"
                : $"'{directory}' is not an audit bundle: {missing} are missing");
        }

        var entries = ReadBytes(Path.Combine(directory, EntriesFile));
        return new AuditBundle(directory)
        {
            Checkpoint = ReadText(Path.Combine(directory, CheckpointFile)),
            Entries = entries is null ? null : SplitLines(entries),
            EntriesUnterminated = entries is { Length: > 0 } && entries[^1] != (byte)'\n',
            Keys = ReadText(Path.Combine(directory, KeysFile))?
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Proofs = ReadProofs(Path.Combine(directory, ProofsDirectory)),
            SignedCheckpoints = ReadNotes(Path.Combine(directory, CheckpointsDirectory)),
        };
    }

    private static string? ReadText(string path) => ReadBytes(path) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The file's bytes, null when it is missing; a directory in its place is unusable input.</summary>
    private static byte[]? ReadBytes(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        return System.IO.Directory.Exists(path)
            ? throw new InputException($"'{path}' is a directory; the bundle needs a file there")
            : null;
    }

    private static List<BundleNote> ReadNotes(string directory) =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory)
                .Order(StringComparer.Ordinal)
                .Select(p => new BundleNote($"{CheckpointsDirectory}/{Path.GetFileName(p)}", Encoding.UTF8.GetString(File.ReadAllBytes(p))))
                .ToList()
            : [];

    private static List<byte[]> SplitLines(byte[] data)
    {
        var lines = new List<byte[]>();
        var start = 0;
        while (start < data.Length)
        {
            var end = Array.IndexOf(data, (byte)'\n', start);
            if (end < 0)
            {
                end = data.Length;
            }

            lines.Add(data[start..end]);
            start = end + 1;
        }

        return lines;
    }

    private static List<ProofFile> ReadProofs(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(directory)
            .Where(p => p.EndsWith(ProofExtension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new ProofFile(
                Path.GetFileName(p),
                Path.GetFileName(p)[..^ProofExtension.Length],
                Encoding.UTF8.GetString(File.ReadAllBytes(p))))
            .ToList();
    }
}
