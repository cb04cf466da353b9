namespace DockGateway.Device.Sync;

/// <summary>
/// Caps the average upload rate: before each chunk, waits until sending it keeps the rate since
/// the start of the current burst at or under the cap. 0 bytes/second means unlimited.
/// </summary>
public sealed class BandwidthLimiter(long bytesPerSecond, TimeProvider time)
{
    private long _sent;
    private long _since = time.GetTimestamp();

    public async Task WaitAsync(long bytes, CancellationToken cancellationToken)
    {
        if (bytesPerSecond <= 0)
        {
            return;
        }

        var elapsed = time.GetElapsedTime(_since);
        if (elapsed > TimeSpan.FromSeconds(10))
        {
            // An idle pause does not bank credit for a later burst.
            _since = time.GetTimestamp();
            _sent = 0;
            elapsed = TimeSpan.Zero;
        }

        var due = TimeSpan.FromSeconds((double)_sent / bytesPerSecond);
        if (due > elapsed)
        {
            await Task.Delay(due - elapsed, time, cancellationToken);
        }

        _sent += bytes;
    }
}
