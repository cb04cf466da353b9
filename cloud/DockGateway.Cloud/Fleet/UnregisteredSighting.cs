namespace DockGateway.Cloud.Fleet;

/// <summary>
/// A recorder serial a dock of <see cref="AgencyCode"/> saw while it was not registered to that agency (the dock's
/// <c>unregistered</c> events and slot reports naming a serial the agency does not have): how often, first and last
/// seen, at which dock last, and the agency it is registered to now, if any.
/// </summary>
public sealed record UnregisteredSighting(
    string Serial, string AgencyCode, long Sightings, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string? LastDockId, string? RegisteredAgency);
