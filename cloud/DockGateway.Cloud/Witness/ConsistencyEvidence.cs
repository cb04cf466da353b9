using DockGateway.Shared.Notes;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// What a dock offers, with its signed checkpoint, to prove the checkpoint consistent with the latest one
/// the cloud cosigned for its origin: a consistency proof (<see cref="ConsistencyProofEvidence"/>) or the
/// leaves the cloud holds (<see cref="HeldLeavesEvidence"/>). Each path words its refusals its own way;
/// <see cref="CheckpointCosigner"/> alone decides when they apply.
/// </summary>
public abstract class ConsistencyEvidence
{
    /// <summary>What is kept in <c>witness_rejections.body</c> when the checkpoint is refused.</summary>
    public abstract string Record { get; }

    /// <summary>The size the dock says the latest cosigned checkpoint has; null when it makes no claim.</summary>
    public abstract long? ClaimedOldSize { get; }

    public abstract WitnessRefusal ForeignOrigin(Checkpoint checkpoint);

    public abstract WitnessRefusal BadSignature(string error);

    /// <summary>A refusal found from the checkpoint alone, before the latest cosigned one is read.</summary>
    public abstract WitnessRefusal? Malformed(Checkpoint checkpoint);

    /// <summary>Null when the checkpoint is proven consistent with <paramref name="latest"/> (null: nothing cosigned yet).</summary>
    public abstract WitnessRefusal? Inconsistency(Checkpoint checkpoint, CosignedCheckpoint? latest);
}
