using System.Net.Sockets;
using Amazon.Runtime;

namespace DockGateway.Cloud.Blobs;

/// <summary>Turns a failed S3 request (unreachable, timed out, refused by the server) into <see cref="BlobStoreUnavailableException"/>.</summary>
public static class S3Outage
{
    /// <summary>Runs one S3 call; <paramref name="what"/> says what it was for (in the 503's detail and the log).</summary>
    public static async Task<T> Guard<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            throw new BlobStoreUnavailableException($"The footage store failed to {what}.", e);
        }
    }

    public static Task Guard(string what, Func<Task> call, CancellationToken cancellationToken) =>
        Guard(what, async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    /// <summary>An S3 or network failure, or a timeout (not a cancellation the caller asked for).</summary>
    public static bool IsOutage(Exception e, CancellationToken cancellationToken) => e switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException or SocketException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException => e.InnerException is SocketException or HttpRequestException,
        _ => false,
    };
}
