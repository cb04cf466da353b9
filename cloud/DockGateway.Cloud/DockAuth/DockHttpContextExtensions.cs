using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Reads what <see cref="DockSignatureFilter"/> established about a request.</summary>
public static class DockHttpContextExtensions
{
    internal const string IdentityKey = "DockGateway.DockIdentity";
    internal const string StreamedDigestKey = "DockGateway.StreamedContentDigest";
    internal const string PendingReplayKey = "DockGateway.PendingReplay";

    /// <summary>The verified dock; throws when the endpoint is not behind the dock signature filter.</summary>
    public static DockIdentity GetDock(this HttpContext context) =>
        context.Items[IdentityKey] as DockIdentity
        ?? throw new InvalidOperationException("This endpoint is not behind DockSignatureFilter: no dock identity.");

    /// <summary>
    /// For endpoints that stream their body (<see cref="StreamedBodyMetadata"/>): the SHA-256 the
    /// signed Content-Digest header promises. The endpoint must compare it with what it read
    /// before keeping anything.
    /// </summary>
    public static byte[] GetPromisedBodySha256(this HttpContext context) =>
        context.Items[StreamedDigestKey] as byte[]
        ?? throw new InvalidOperationException("This endpoint is not marked as streaming its body.");

    /// <summary>
    /// For endpoints that stream their body: the signature's replay-cache row, to be committed with the
    /// endpoint's own change (<see cref="PendingReplay"/>).
    /// </summary>
    public static PendingReplay GetPendingReplay(this HttpContext context) =>
        context.Items[PendingReplayKey] as PendingReplay
        ?? throw new InvalidOperationException("This endpoint is not marked as streaming its body.");
}
