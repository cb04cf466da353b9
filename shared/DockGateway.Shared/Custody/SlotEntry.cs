namespace DockGateway.Shared.Custody;

/// <summary>An entry about what happened in a slot. <see cref="Unregistered"/> is true on every entry of a recorder not registered to the agency.</summary>
public abstract record SlotEntry(int Slot) : CustodyEntry
{
    public bool? Unregistered { get; init; }
}
