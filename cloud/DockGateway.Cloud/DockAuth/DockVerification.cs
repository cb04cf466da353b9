using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.DockAuth;

/// <summary>The outcome of <see cref="DockRequestVerifier"/>: the dock, or why it was refused.</summary>
public sealed record DockVerification(DockIdentity? Dock, byte[]? BodySha256, string? Problem, int Status)
{
    public static DockVerification Succeed(DockIdentity dock, byte[] bodySha256) => new(dock, bodySha256, null, StatusCodes.Status200OK);

    public static DockVerification Fail(string problem, int status = StatusCodes.Status401Unauthorized) => new(null, null, problem, status);
}
