using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// A C2SP checkpoint whose signed-note signature verified under one of the trusted keys: the only
/// way the verifier gets an origin, a size and a root hash to compare anything against.
/// </summary>
public sealed record TrustedCheckpoint(string Origin, long Size, byte[] RootHash, string SignedBy)
{
    /// <summary>Opens a signed note and parses its checkpoint body; null with the reason when either fails.</summary>
    public static TrustedCheckpoint? TryOpen(string note, IReadOnlyList<NoteVerifier> keys, out string? problem)
    {
        try
        {
            var opened = NoteVerification.Open(note, keys, out var verifiedBy);
            var checkpoint = Checkpoint.Parse(opened.Text);
            problem = null;
            return new TrustedCheckpoint(checkpoint.Origin, checkpoint.Size, checkpoint.RootHash, $"{verifiedBy[0].Name}+{verifiedBy[0].KeyId:x8}");
        }
        catch (NoteVerificationException e)
        {
            problem = e.Message;
            return null;
        }
        catch (FormatException e)
        {
            problem = $"malformed: {e.Message}";
            return null;
        }
    }
}
