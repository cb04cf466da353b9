namespace DockGateway.Device.Slots;

/// <summary>The lifecycle of a slot (DESIGN.md §4). Serialized in lower case in state.json and MQTT.</summary>
public enum SlotState
{
    Empty,
    Detected,
    Identified,
    Mounted,
    Ingesting,
    Verified,
    Wiped,
    Done,
    Error,
    Refused,
}
