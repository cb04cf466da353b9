using System.Buffers.Binary;
using System.Text;

namespace DockGateway.Shared.Notes;

/// <summary>A C2SP signed note: text ending in a newline, a blank line, signature lines.</summary>
public sealed class SignedNote
{
    /// <summary>More than the spec's minimum of 16; bounds the work a hostile note can cause.</summary>
    public const int MaxSignatures = 100;

    public SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        if (NoteFormat.TextProblem(text) is { } problem)
        {
            throw new FormatException($"signed note: {problem}");
        }

        Text = text;
        Signatures = signatures.ToArray();
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    public IReadOnlyList<NoteSignature> Signatures { get; }

    public static SignedNote Parse(string note)
    {
        if (NoteFormat.ControlCharacterProblem(note) is { } control)
        {
            throw new FormatException($"signed note: {control}");
        }

        if (NoteFormat.HasLoneSurrogate(note))
        {
            throw new FormatException("signed note: not valid UTF-8");
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException("signed note: no blank line separating the text from the signatures");
        }

        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0)
        {
            throw new FormatException("signed note: no signature lines after the blank line");
        }

        if (block[^1] != '\n')
        {
            throw new FormatException("signed note: the last signature line does not end with a newline");
        }

        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new FormatException($"signed note: {lines.Length} signatures, more than the limit of {MaxSignatures}");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            signatures.Add(ParseLine(lines[i], i + 1));
        }

        return new SignedNote(text, signatures);
    }

    /// <summary>A copy with <paramref name="signature"/> added, replacing one by the same key (name and ID).</summary>
    public SignedNote WithSignature(NoteSignature signature)
    {
        if (NoteFormat.NameProblem(signature.KeyName) is { } problem)
        {
            throw new ArgumentException(problem, nameof(signature));
        }

        var signatures = Signatures.Where(s => s.KeyName != signature.KeyName || s.KeyId != signature.KeyId).ToList();
        signatures.Add(signature);
        return new SignedNote(Text, signatures);
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            builder.Append(signature.ToLine()).Append('\n');
        }

        return builder.ToString();
    }

    private static NoteSignature ParseLine(string line, int number)
    {
        if (!line.StartsWith("\u2014 ", StringComparison.Ordinal))
        {
            throw new FormatException($"signed note: signature line {number} does not start with an em dash (U+2014) and a space");
        }

        var rest = line[2..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new FormatException($"signed note: signature line {number} has no space between key name and signature");
        }

        var name = rest[..space];
        if (NoteFormat.NameProblem(name) is { } problem)
        {
            throw new FormatException($"signed note: signature line {number}: {problem}");
        }

        if (!NoteFormat.TryDecodeBase64(rest[(space + 1)..], out var blob))
        {
            throw new FormatException($"signed note: signature line {number} ({name}): the signature is not standard base64");
        }

        if (blob.Length < 5)
        {
            throw new FormatException($"signed note: signature line {number} ({name}): {blob.Length} bytes is too short for a key ID and a signature");
        }

        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]);
    }
}
