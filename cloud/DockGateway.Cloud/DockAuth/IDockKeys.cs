namespace DockGateway.Cloud.DockAuth;

/// <summary>The enrolled docks' public keys, looked up by dock id (the signature's keyid).</summary>
public interface IDockKeys
{
    Task<DockIdentity?> FindAsync(string dockId, CancellationToken cancellationToken);

    /// <summary>The dock whose custody log has this checkpoint origin, or null.</summary>
    Task<DockIdentity?> FindByOriginAsync(string origin, CancellationToken cancellationToken);

    /// <summary>Records that the dock made a verified request at <paramref name="now"/> (may be coarsened to ~10 s).</summary>
    Task TouchAsync(string dockId, DateTimeOffset now, CancellationToken cancellationToken);
}
