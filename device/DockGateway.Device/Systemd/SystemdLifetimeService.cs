using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Systemd;

/// <summary>
/// Tells systemd READY=1 once the host has started, WATCHDOG=1 at half of WatchdogSec while the
/// process is healthy, and STOPPING=1 when it shuts down.
/// </summary>
public sealed class SystemdLifetimeService(
    SystemdNotifier notifier, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<SystemdLifetimeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        using var stopping = lifetime.ApplicationStopping.Register(() => _ = notifier.StoppingAsync(CancellationToken.None).AsTask());
        await WhenStartedAsync(stoppingToken);
        await notifier.ReadyAsync(stoppingToken);
        await notifier.StatusAsync("docking: watching slots", stoppingToken);
        logger.LogInformation("Told systemd the dock is ready");

        var interval = SystemdNotifier.WatchdogInterval(
            Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);
        if (interval is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval.Value, time);
        try
        {
            do
            {
                await notifier.WatchdogAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        return started.Task;
    }
}
