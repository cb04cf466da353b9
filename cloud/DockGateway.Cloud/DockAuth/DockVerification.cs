using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.DockAuth;

/// <summary>The outcome of <see cref="DockRequestVerifier"/>: the dock, or why it was refused. <see cref="Replay"/> is
/// set for a streamed body, whose replay-cache row the endpoint records (see <see cref="PendingReplay"/>).</summary>
public sealed record DockVerification(DockIdentity? Dock, byte[]? BodySha256, string? Problem, int Status, PendingReplay? Replay = null)
{
    public static DockVerification Succeed(DockIdentity dock, byte[] bodySha256, PendingReplay? replay = null) =>
        new(dock, bodySha256, null, StatusCodes.Status200OK, replay);

    public static DockVerification Fail(string problem, int status = StatusCodes.Status401Unauthorized) => new(null, null, problem, status);
}
