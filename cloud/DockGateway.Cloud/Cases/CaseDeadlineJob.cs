using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Cases;

/// <summary>
/// Every 10 minutes (on the injected <see cref="TimeProvider"/>) flags cases 30 days past their action's end and not
/// archived; they are then listed by <c>GET /api/v1/cases?overdue=true</c> (the archive-deadline alerts).
/// </summary>
public sealed class CaseDeadlineJob(CaseStore cases, TimeProvider time, ILogger<CaseDeadlineJob> logger) : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromMinutes(10);

    /// <summary>One pass at the current time; returns how many cases it newly flagged.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) => cases.FlagOverdueAsync(time.GetUtcNow(), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var flagged = await RunOnceAsync(stoppingToken);
                if (flagged > 0)
                {
                    logger.LogWarning("{Count} case(s) are 30 days past their enforcement action and not archived", flagged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Case deadline check failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
