namespace DockGateway.Cloud.Registry;

/// <summary>Outcome of writing a recorder.</summary>
public enum RecorderWrite
{
    Created,
    Updated,

    /// <summary>Refused: the serial already exists (create only).</summary>
    Duplicate,

    /// <summary>Refused: the serial is registered to another agency.</summary>
    OtherAgency,

    /// <summary>Refused: the assigned badge is not an officer of the agency.</summary>
    UnknownOfficer,
}
