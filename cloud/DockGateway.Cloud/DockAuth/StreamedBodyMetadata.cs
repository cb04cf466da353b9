namespace DockGateway.Cloud.DockAuth;

/// <summary>
/// Endpoint metadata: the body is too large to buffer (a tus chunk), so the signature filter
/// checks the signed headers only and leaves the Content-Digest comparison to the endpoint,
/// which hashes the body while streaming it and discards it on a mismatch. The signature's replay-cache
/// row is checked first and written by the endpoint with its own commit (<see cref="PendingReplay"/>).
/// </summary>
public sealed class StreamedBodyMetadata
{
    public static readonly StreamedBodyMetadata Instance = new();

    private StreamedBodyMetadata()
    {
    }
}
