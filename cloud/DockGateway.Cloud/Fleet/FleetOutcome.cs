namespace DockGateway.Cloud.Fleet;

/// <summary>What became of one MQTT message.</summary>
public enum FleetOutcome
{
    /// <summary>Stored (state upserted, alert appended, or a non-alert event noted as a sign of life).</summary>
    Applied,

    /// <summary>An alert whose (dock, key) was already stored: a redelivery.</summary>
    Duplicate,

    /// <summary>Not a dock topic, not valid JSON, wrong schema version, a bad field: logged and ignored.</summary>
    Malformed,

    /// <summary>Larger than <c>Cloud:Fleet:MaxPayloadBytes</c>: logged and ignored unread.</summary>
    Oversize,

    /// <summary>The topic's dock is not enrolled under the topic's agency: logged and ignored.</summary>
    UnknownDock,

    /// <summary>Storing failed (the database was unavailable): logged; a retained topic is corrected by its next update.</summary>
    Failed,
}
