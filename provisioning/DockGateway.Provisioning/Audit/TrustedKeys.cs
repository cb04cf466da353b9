using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// The keys a verification trusts: dock keys (Ed25519 note keys, type 0x01) that sign checkpoints,
/// and witness keys (C2SP tlog-cosignature, type 0x04) that cosign them. Taken from the auditor's
/// <c>--key</c> options when given (the bundle's own keys.txt proves nothing about who signed it),
/// else from keys.txt, which the report then says is not pinned.
/// </summary>
public sealed class TrustedKeys
{
    public List<NoteVerifier> Docks { get; } = [];

    public List<CosignatureVerifier> Witnesses { get; } = [];

    /// <summary>True when the auditor pinned a witness key with --key: its cosignature is then required.</summary>
    public bool WitnessPinned { get; private set; }

    public static TrustedKeys From(AuditBundle bundle, VerificationOptions options, VerificationReport report)
    {
        var keys = new TrustedKeys();
        if (options.PinnedKeys.Count > 0)
        {
            foreach (var key in options.PinnedKeys)
            {
                if (!keys.TryAdd(key, out var problem))
                {
                    throw new InputException($"--key '{key}' is not a verifier key (name+hexkeyid+base64key): {problem}");
                }
            }

            report.KeySource = "--key (pinned by the auditor)";
            keys.WitnessPinned = keys.Witnesses.Count > 0;
            if (bundle.Keys is { } listed && !options.PinnedKeys.All(k => listed.Contains(k.Trim())))
            {
                report.Warn(AuditBundle.KeysFile, "does not list every pinned --key; only the pinned keys are trusted");
            }
        }
        else if (bundle.Keys is null)
        {
            report.Fail(AuditBundle.KeysFile, "missing, and no --key given: there is no key to verify the checkpoint with");
        }
        else
        {
            report.KeySource = "keys.txt of the bundle (not pinned: use --key to trust a known dock key)";
            for (var i = 0; i < bundle.Keys.Count; i++)
            {
                if (!keys.TryAdd(bundle.Keys[i], out var problem))
                {
                    report.Fail($"{AuditBundle.KeysFile} line {i + 1}", $"not a verifier key: {problem}");
                }
            }
        }

        if (keys.Docks.Count == 0 && (options.PinnedKeys.Count > 0 || bundle.Keys is not null))
        {
            report.Fail(options.PinnedKeys.Count > 0 ? "--key" : AuditBundle.KeysFile, "no dock (Ed25519 note, type 0x01) key to verify the checkpoint with");
        }

        return keys;
    }

    /// <summary>
    /// Checks the checkpoint's cosignatures by the trusted witnesses: a bad one fails; a missing one fails when
    /// <paramref name="require"/> (--require-witness, or a pinned witness key), else it is a warning.
    /// </summary>
    public void CheckCosignatures(string checkpointNote, bool require, VerificationReport report)
    {
        require |= WitnessPinned;
        if (require && Witnesses.Count == 0)
        {
            report.Fail("--require-witness", "no witness key (C2SP tlog-cosignature, type 0x04) given with --key or listed in keys.txt: the checkpoint's cosignature cannot be checked");
        }

        var note = SignedNote.Parse(checkpointNote);
        foreach (var witness in Witnesses)
        {
            if (!note.Signatures.Any(s => s.KeyName == witness.Name && s.KeyId == witness.KeyId))
            {
                var missing = $"not cosigned by witness {witness.Name}+{witness.KeyId:x8}";
                if (require)
                {
                    report.Fail(AuditBundle.CheckpointFile, missing + $" (required: {(WitnessPinned ? "the witness key is pinned with --key" : "--require-witness")}); a checkpoint stripped of its cosignature proves no witness saw it");
                }
                else
                {
                    report.Warn(AuditBundle.CheckpointFile, missing);
                }
            }
            else if (witness.Verify(note, out var seconds))
            {
                report.Pass($"checkpoint cosigned by witness {witness.Name}+{witness.KeyId:x8} at {DateTimeOffset.FromUnixTimeSeconds(seconds):yyyy-MM-dd HH:mm:ss}Z");
            }
            else
            {
                report.Fail(AuditBundle.CheckpointFile, $"cosignature by witness {witness.Name}+{witness.KeyId:x8} does not verify");
            }
        }
    }

    private bool TryAdd(string key, out string? problem)
    {
        try
        {
            Docks.Add(NoteVerifier.Parse(key.Trim()));
            problem = null;
            return true;
        }
        catch (FormatException dockProblem)
        {
            try
            {
                Witnesses.Add(CosignatureVerifier.Parse(key.Trim()));
                problem = null;
                return true;
            }
            catch (FormatException)
            {
                problem = dockProblem.Message;
                return false;
            }
        }
    }
}
