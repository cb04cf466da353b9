namespace DockGateway.Cloud.Blobs;

/// <summary>
/// The footage store could not be reached or failed a request (an S3 outage, a timeout, a 5xx). Nothing was lost:
/// the partial upload stays, and the request answers 503 with Retry-After so the dock tries again.
/// </summary>
public sealed class BlobStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
