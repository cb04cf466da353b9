using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Systemd;

/// <summary>
/// Once the host has started, sends STATUS= and then WATCHDOG=1 at half of $WATCHDOG_USEC through the
/// package's <see cref="ISystemdNotifier"/>. READY=1 and STOPPING=1 are sent by the package's
/// <see cref="SystemdLifetime"/> (registered by <c>AddSystemd()</c>).
/// </summary>
public sealed class SystemdWatchdogService(
    ISystemdNotifier notifier, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<SystemdWatchdogService> logger) : BackgroundService
{
    private static readonly ServiceState s_watchdog = new("WATCHDOG=1");
    private static readonly ServiceState s_status = new("STATUS=docking: watching slots");

    private readonly TimeSpan? _interval = WatchdogInterval(
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        await WhenStartedAsync(stoppingToken);
        Notify(s_status);
        if (_interval is null)
        {
            logger.LogInformation("systemd asked for no watchdog (WATCHDOG_USEC unset, or WATCHDOG_PID names another process)");
            return;
        }

        logger.LogInformation("Sending systemd WATCHDOG=1 every {Interval}", _interval.Value);
        using var timer = new PeriodicTimer(_interval.Value, time);
        try
        {
            do
            {
                Notify(s_watchdog);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The interval at which WATCHDOG=1 must be sent: half of $WATCHDOG_USEC, or null when systemd
    /// did not ask for a watchdog (or asked another process: $WATCHDOG_PID).
    /// </summary>
    internal static TimeSpan? WatchdogInterval(string? watchdogUsec, string? watchdogPid, int currentPid)
    {
        if (!ulong.TryParse(watchdogUsec, CultureInfo.InvariantCulture, out var usec) || usec == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, CultureInfo.InvariantCulture, out var pid) || pid != currentPid))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2);
    }

    private void Notify(ServiceState state)
    {
        try
        {
            notifier.Notify(state);
        }
        catch (SocketException e)
        {
            // systemd's socket went away; nothing else can be told, and systemd acts on the missed pings itself.
            logger.LogWarning(e, "Could not notify systemd ({State})", state);
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
