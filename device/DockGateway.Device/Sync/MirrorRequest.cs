namespace DockGateway.Device.Sync;

/// <summary>One entries batch the custody mirror sends: entries [<see cref="From"/>, <see cref="End"/>) proven up to <see cref="CosignedSize"/>.</summary>
public readonly record struct MirrorRequest(long From, long End, long CosignedSize);
