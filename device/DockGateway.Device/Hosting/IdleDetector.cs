namespace DockGateway.Device.Hosting;

/// <summary>
/// Decides when the dock has been idle long enough to hand memory back: once per quiet spell, the first look
/// that comes at least <c>quiet</c> after the last sign of work; then not again until new work happened.
/// </summary>
internal sealed class IdleDetector(TimeProvider time, TimeSpan quiet)
{
    private long? _mark;
    private DateTimeOffset _lastWork = time.GetUtcNow();
    private bool _armed = true;

    /// <summary>
    /// One look at the dock. <paramref name="busy"/>: something is working right now (a slot ingesting);
    /// <paramref name="mark"/>: a value that changes whenever work happened (queue lengths, slot statuses).
    /// True means: trim now.
    /// </summary>
    public bool Observe(bool busy, long mark)
    {
        var now = time.GetUtcNow();
        if (busy || _mark != mark)
        {
            (_mark, _lastWork, _armed) = (mark, now, true);
            return false;
        }

        if (!_armed || now - _lastWork < quiet)
        {
            return false;
        }

        _armed = false;
        return true;
    }
}
