namespace DockGateway.Device.Custody;

/// <summary>A signed checkpoint as kept in the custody database; <see cref="CosignedNote"/> once a witness cosigned it.</summary>
public sealed record StoredCheckpoint(long Size, byte[] RootHash, string Note, string? CosignedNote, string SignedAt)
{
    /// <summary>The most complete form: with the witnesses' cosignatures when there are any.</summary>
    public string BestNote => CosignedNote ?? Note;
}
