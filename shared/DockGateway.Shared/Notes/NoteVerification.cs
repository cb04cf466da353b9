namespace DockGateway.Shared.Notes;

/// <summary>Opens signed notes against a set of trusted keys, following the C2SP signed-note rules.</summary>
public static class NoteVerification
{
    /// <summary>
    /// Parses and verifies <paramref name="note"/>. Signatures by unknown keys (name and ID not both
    /// matching a verifier) are ignored; a failing signature by a known key, or no verified known
    /// signature at all, throws <see cref="NoteVerificationException"/>. A malformed note throws
    /// <see cref="FormatException"/>.
    /// </summary>
    public static SignedNote Open(string note, IEnumerable<NoteVerifier> verifiers) =>
        Open(note, verifiers, out _);

    /// <summary>As <see cref="Open(string, IEnumerable{NoteVerifier})"/>, also returning the keys that verified.</summary>
    public static SignedNote Open(string note, IEnumerable<NoteVerifier> verifiers, out IReadOnlyList<NoteVerifier> verifiedBy)
    {
        var parsed = SignedNote.Parse(note);
        var known = verifiers.ToList();
        var verified = new List<NoteVerifier>();
        foreach (var signature in parsed.Signatures)
        {
            var matching = known.FindAll(v => v.Name == signature.KeyName && v.KeyId == signature.KeyId);
            if (matching.Count == 0)
            {
                continue;
            }

            if (matching.Exists(v => !v.PublicKey.AsSpan().SequenceEqual(matching[0].PublicKey)))
            {
                throw new NoteVerificationException($"ambiguous key {signature.KeyName}+{signature.KeyId:x8}: two trusted keys share this name and key ID");
            }

            var verifier = matching[0];

            if (!verifier.Verify(parsed.Text, signature))
            {
                throw new NoteVerificationException($"signature by known key {verifier.Name}+{verifier.KeyId:x8} does not verify");
            }

            if (!verified.Contains(verifier))
            {
                verified.Add(verifier);
            }
        }

        if (verified.Count == 0)
        {
            var names = string.Join(", ", parsed.Signatures.Select(s => $"{s.KeyName}+{s.KeyId:x8}"));
            throw new NoteVerificationException($"no signature by a known key (note is signed by: {names})");
        }

        verifiedBy = verified;
        return parsed;
    }
}
