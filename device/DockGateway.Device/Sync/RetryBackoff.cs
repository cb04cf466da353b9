namespace DockGateway.Device.Sync;

/// <summary>
/// The one rule for how long uploads wait after failures: <c>Sync:RetryDelay</c> after the first,
/// doubling with each further one, never longer than <c>Sync:MaxRetryDelay</c>. It spaces a file's
/// attempts (by its failed attempts) and the upload worker's attempts (by its consecutive failures).
/// </summary>
public sealed class RetryBackoff(TimeSpan first, TimeSpan max)
{
    /// <summary>The wait after <paramref name="failures"/> failures (none after none).</summary>
    public TimeSpan After(int failures)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var ticks = first.Ticks * Math.Pow(2, Math.Min(failures - 1, 40));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
