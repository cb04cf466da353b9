using System.Globalization;
using System.Text;
using DockGateway.Shared.Notes;

namespace DockGateway.Shared.Witness;

/// <summary>
/// The body of a C2SP tlog-witness <c>add-checkpoint</c> request: <c>old N</c>, up to 63
/// consistency proof hashes, a blank line, then the signed checkpoint verbatim.
/// </summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> ConsistencyProof, string SignedCheckpoint)
{
    public const int MaxProofHashes = 63;

    public string Format()
    {
        var body = new StringBuilder("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in ConsistencyProof)
        {
            body.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return body.Append('\n').Append(SignedCheckpoint).ToString();
    }

    public static AddCheckpointRequest Parse(string body)
    {
        var lines = body.Split('\n');
        if (!lines[0].StartsWith("old ", StringComparison.Ordinal) || !NoteFormat.TryParseDecimal(lines[0]["old ".Length..], out var oldSize))
        {
            throw new FormatException("add-checkpoint: the first line must be 'old <decimal size without leading zeros>'");
        }

        var proof = new List<byte[]>();
        var line = 1;
        for (; line < lines.Length && lines[line].Length != 0; line++)
        {
            if (proof.Count == MaxProofHashes)
            {
                throw new FormatException($"add-checkpoint: more than {MaxProofHashes} consistency proof lines");
            }

            if (!NoteFormat.TryDecodeBase64(lines[line], out var hash) || hash.Length != 32)
            {
                throw new FormatException($"add-checkpoint: line {line + 1} is not the base64 of a 32-byte hash");
            }

            proof.Add(hash);
        }

        if (line >= lines.Length)
        {
            throw new FormatException("add-checkpoint: no blank line before the checkpoint");
        }

        var checkpoint = string.Join('\n', lines, line + 1, lines.Length - line - 1);
        if (checkpoint.Length == 0)
        {
            throw new FormatException("add-checkpoint: the signed checkpoint is missing");
        }

        return new AddCheckpointRequest(oldSize, proof, checkpoint);
    }
}
