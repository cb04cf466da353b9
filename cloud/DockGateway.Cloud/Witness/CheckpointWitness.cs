using DockGateway.Cloud.DockAuth;
using DockGateway.Shared.Notes;
using DockGateway.Shared.Witness;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// C2SP tlog-witness <c>add-checkpoint</c> for dock custody logs: parses the request, answers 404 for an origin
/// no dock owns, and leaves the rest — signature, origin, consistency, cosigning, evidence of refusals — to
/// <see cref="CheckpointCosigner"/> with the request's consistency proof.
/// </summary>
public sealed class CheckpointWitness(IDockKeys docks, CheckpointCosigner cosigner)
{
    public async Task<WitnessAnswer> AddCheckpointAsync(string body, DockIdentity caller, CancellationToken cancellationToken)
    {
        AddCheckpointRequest request;
        Checkpoint checkpoint;
        try
        {
            request = AddCheckpointRequest.Parse(body);
            checkpoint = Checkpoint.Parse(SignedNote.Parse(request.SignedCheckpoint).Text);
        }
        catch (FormatException e)
        {
            return WitnessAnswer.Refused(400, $"Malformed add-checkpoint request: {e.Message}");
        }

        if (await docks.FindByOriginAsync(checkpoint.Origin, cancellationToken) is null)
        {
            return WitnessAnswer.Refused(404, $"Unknown origin '{checkpoint.Origin}'.");
        }
        var evidence = new ConsistencyProofEvidence(body, request.OldSize, request.ConsistencyProof);
        return await cosigner.UpdateAsync(caller, request.SignedCheckpoint, evidence, cancellationToken);
    }
}
