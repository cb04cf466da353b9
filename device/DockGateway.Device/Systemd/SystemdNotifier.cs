using System.Net.Sockets;
using System.Text;

namespace DockGateway.Device.Systemd;

/// <summary>
/// sd_notify without libsystemd: one datagram per message to $NOTIFY_SOCKET (a leading '@' means
/// the abstract namespace). Does nothing when the service was not started by systemd with Type=notify.
/// </summary>
public sealed class SystemdNotifier
{
    private readonly string? _socketPath;

    public SystemdNotifier()
        : this(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"))
    {
    }

    public SystemdNotifier(string? notifySocket)
    {
        _socketPath = string.IsNullOrEmpty(notifySocket) ? null
            : notifySocket[0] == '@' ? "\0" + notifySocket[1..]
            : notifySocket;
    }

    public bool IsEnabled => _socketPath is not null;

    public ValueTask ReadyAsync(CancellationToken cancellationToken) => NotifyAsync("READY=1", cancellationToken);

    public ValueTask StatusAsync(string status, CancellationToken cancellationToken) =>
        NotifyAsync("STATUS=" + status.ReplaceLineEndings(" "), cancellationToken);

    public ValueTask WatchdogAsync(CancellationToken cancellationToken) => NotifyAsync("WATCHDOG=1", cancellationToken);

    public ValueTask StoppingAsync(CancellationToken cancellationToken) => NotifyAsync("STOPPING=1", cancellationToken);

    /// <summary>Sends one notification (several may be joined with newlines).</summary>
    public async ValueTask NotifyAsync(string state, CancellationToken cancellationToken)
    {
        if (_socketPath is null)
        {
            return;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        await socket.SendToAsync(Encoding.UTF8.GetBytes(state), SocketFlags.None, new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
    }

    /// <summary>
    /// The interval at which WATCHDOG=1 must be sent: half of $WATCHDOG_USEC, or null when systemd
    /// did not ask for a watchdog (or asked another process: $WATCHDOG_PID).
    /// </summary>
    public static TimeSpan? WatchdogInterval(string? watchdogUsec, string? watchdogPid, int currentPid)
    {
        if (!ulong.TryParse(watchdogUsec, System.Globalization.CultureInfo.InvariantCulture, out var usec) || usec == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, System.Globalization.CultureInfo.InvariantCulture, out var pid) || pid != currentPid))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2);
    }
}
