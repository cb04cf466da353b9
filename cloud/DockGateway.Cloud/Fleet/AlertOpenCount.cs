namespace DockGateway.Cloud.Fleet;

/// <summary>How many alerts of an agency are not yet acknowledged.</summary>
public sealed record AlertOpenCount(string AgencyCode, long Open);
