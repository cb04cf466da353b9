using System.Globalization;
using System.Text;

namespace DockGateway.Shared.Notes;

/// <summary>
/// A C2SP tlog-checkpoint body: origin, tree size, root hash, optional extension lines, each
/// ending in a newline. The signed note around it is <see cref="SignedNote"/>.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    public Checkpoint(string origin, long size, byte[] rootHash)
        : this(origin, size, rootHash, [])
    {
    }

    /// <summary>Value equality, including the bytes of the root hash and the extension lines.</summary>
    public bool Equals(Checkpoint? other) =>
        other is not null
        && Origin == other.Origin
        && Size == other.Size
        && RootHash.AsSpan().SequenceEqual(other.RootHash)
        && Extensions.SequenceEqual(other.Extensions);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, Convert.ToHexString(RootHash), Extensions.Count);

    public string ToBody()
    {
        if (Origin.Length == 0 || Origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"checkpoint origin '{Origin}' must be one non-empty line");
        }

        if (Size < 0 || RootHash.Length != 32)
        {
            throw new InvalidOperationException($"checkpoint needs a non-negative size and a 32-byte root hash (size {Size}, root {RootHash.Length} bytes)");
        }

        var body = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions)
        {
            if (extension.Length == 0 || extension.Contains('\n', StringComparison.Ordinal))
            {
                throw new InvalidOperationException("checkpoint extension lines must be non-empty single lines");
            }

            body.Append(extension).Append('\n');
        }

        return body.ToString();
    }

    /// <summary>Parses a checkpoint body (the note text), strictly.</summary>
    public static Checkpoint Parse(string body)
    {
        if (body.Length == 0 || body[^1] != '\n')
        {
            throw new FormatException("checkpoint: the body must end with a newline");
        }

        if (NoteFormat.ControlCharacterProblem(body) is { } control)
        {
            throw new FormatException($"checkpoint: {control}");
        }

        var lines = body[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new FormatException($"checkpoint: {lines.Length} lines, expected at least origin, size and root hash");
        }

        if (lines[0].Length == 0)
        {
            throw new FormatException("checkpoint: the origin line is empty");
        }

        if (!NoteFormat.TryParseDecimal(lines[1], out var size))
        {
            throw new FormatException($"checkpoint: size '{lines[1]}' is not a decimal number without leading zeros");
        }

        if (!NoteFormat.TryDecodeBase64(lines[2], out var root) || root.Length != 32)
        {
            throw new FormatException($"checkpoint: root hash '{lines[2]}' is not the padded base64 of 32 bytes");
        }

        var extensions = lines[3..];
        if (Array.IndexOf(extensions, string.Empty) >= 0)
        {
            throw new FormatException("checkpoint: empty extension line");
        }

        return new Checkpoint(lines[0], size, root, extensions);
    }
}
