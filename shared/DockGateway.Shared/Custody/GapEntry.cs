namespace DockGateway.Shared.Custody;

/// <summary>A recorder's file sequence numbers skip from <see cref="Previous"/> to <see cref="Next"/>: footage may have been deleted.</summary>
public sealed record GapEntry(int Slot, string Recorder, long Previous, long Next, long MissingFrom, long MissingTo) : SlotEntry(Slot), IRecorderEntry
{
    public static GapEntry Between(int slot, string recorder, long previous, long next) => new(slot, recorder, previous, next, previous + 1, next - 1);
}
