using System.Globalization;
using System.Text;

namespace DockGateway.Shared.Notes;

/// <summary>
/// A c2sp.org/tlog-proof@v1 bundle: entry index, inclusion proof (leaf sibling first) and the
/// signed checkpoint verbatim, with optional unauthenticated extra data.
/// </summary>
public sealed record TlogProof(long Index, IReadOnlyList<byte[]> Hashes, string Checkpoint)
{
    public const string Header = "c2sp.org/tlog-proof@v1";
    public const string FileExtension = ".tlog-proof";

    /// <summary>The optional <c>extra</c> line's bytes; not authenticated by anything.</summary>
    public byte[]? Extra { get; init; }

    public string Format()
    {
        var text = new StringBuilder(Header).Append('\n');
        if (Extra is not null)
        {
            text.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        }

        text.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Hashes)
        {
            text.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return text.Append('\n').Append(Checkpoint).ToString();
    }

    public static TlogProof Parse(string proof)
    {
        var lines = proof.Split('\n');
        var line = 0;
        if (lines[line++] != Header)
        {
            throw new FormatException($"tlog-proof: the first line must be '{Header}'");
        }

        byte[]? extra = null;
        if (line < lines.Length && lines[line].StartsWith("extra ", StringComparison.Ordinal))
        {
            var encoded = lines[line++]["extra ".Length..];
            if (!NoteFormat.TryDecodeBase64(encoded, out var decoded))
            {
                throw new FormatException("tlog-proof: the extra line is not standard base64");
            }

            extra = decoded;
        }

        if (line >= lines.Length || !lines[line].StartsWith("index ", StringComparison.Ordinal)
            || !NoteFormat.TryParseDecimal(lines[line]["index ".Length..], out var index))
        {
            throw new FormatException($"tlog-proof: line {line + 1} must be 'index <decimal without leading zeros>'");
        }

        line++;
        var hashes = new List<byte[]>();
        for (; line < lines.Length && lines[line].Length != 0; line++)
        {
            if (hashes.Count == 63)
            {
                throw new FormatException("tlog-proof: more than 63 inclusion proof hashes");
            }

            if (!NoteFormat.TryDecodeBase64(lines[line], out var hash) || hash.Length != 32)
            {
                throw new FormatException($"tlog-proof: line {line + 1} is not the base64 of a 32-byte hash");
            }

            hashes.Add(hash);
        }

        if (line >= lines.Length)
        {
            throw new FormatException("tlog-proof: no empty line before the checkpoint");
        }

        var checkpoint = string.Join('\n', lines, line + 1, lines.Length - line - 1);
        if (checkpoint.Length == 0)
        {
            throw new FormatException("tlog-proof: the checkpoint is missing");
        }

        return new TlogProof(index, hashes, checkpoint) { Extra = extra };
    }
}
