using DockGateway.Cloud.Auth;

namespace DockGateway.Cloud.Retrieval;

/// <summary>Which of a file's footage rows a caller may see and open.</summary>
public sealed record FootageAccess(IReadOnlyList<FootageHit> Visible, FootageHit? Retrievable)
{
    public static async Task<FootageAccess> ForAsync(FootageSearch search, CallerScope caller, string sha256, CancellationToken cancellationToken)
    {
        var rows = await search.BySha256Async(sha256, cancellationToken);
        var visible = rows.Where(r => caller.CanSee(r.AgencyCode)).ToList();
        return new FootageAccess(visible, visible.FirstOrDefault(r => caller.CanRetrieve(r.AgencyCode)));
    }
}
