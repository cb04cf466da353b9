using System.Net.Sockets;
using System.Text;
using DockGateway.Device.Systemd;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Device.Tests.Systemd;

public sealed class SystemdNotifierTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Notifications_arrive_as_datagrams_on_a_path_socket()
    {
        var path = _scratch.Combine("notify.sock");
        using var listener = Bind(path);
        var notifier = new SystemdNotifier(path);

        await notifier.ReadyAsync(CancellationToken.None);
        await notifier.StatusAsync("ingesting\nslot 2", CancellationToken.None);
        await notifier.WatchdogAsync(CancellationToken.None);
        await notifier.StoppingAsync(CancellationToken.None);

        Assert.Equal(["READY=1", "STATUS=ingesting slot 2", "WATCHDOG=1", "STOPPING=1"], await ReceiveAsync(listener, 4));
    }

    [Fact]
    public async Task Leading_at_sign_means_the_abstract_namespace()
    {
        var name = "dockgw-test-" + Guid.NewGuid().ToString("N");
        using var listener = Bind("\0" + name);

        await new SystemdNotifier("@" + name).ReadyAsync(CancellationToken.None);

        Assert.Equal(["READY=1"], await ReceiveAsync(listener, 1));
    }

    [Fact]
    public async Task Without_notify_socket_nothing_is_sent_and_nothing_fails()
    {
        var notifier = new SystemdNotifier(notifySocket: null);

        Assert.False(notifier.IsEnabled);
        await notifier.ReadyAsync(CancellationToken.None);
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
        var interval = SystemdNotifier.WatchdogInterval(usec, pid, currentPid: 4242);

        Assert.Equal(expectedMs is null ? null : TimeSpan.FromMilliseconds(expectedMs.Value), interval);
    }

    private static Socket Bind(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static async Task<string[]> ReceiveAsync(Socket socket, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[4096];
        var messages = new string[count];
        for (var i = 0; i < count; i++)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            messages[i] = Encoding.UTF8.GetString(buffer, 0, read);
        }

        return messages;
    }
}
