using DockGateway.Device.Hardware.Gpio;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Gpio;

public sealed class SlotSwitchTests
{
    [Fact]
    public async Task Bouncing_contact_is_reported_once_after_it_settles()
    {
        using var gpio = new FakeGpio();
        var line = (FakeGpio.FakeLine)gpio.OpenInput(17, GpioBias.PullUp);
        var seen = new List<bool>();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() => new SlotSwitch(line, TimeSpan.FromMilliseconds(50)).Run(s => { lock (seen) { seen.Add(s); } }, stop.Token));

        await WaitingAsync(line);
        foreach (var level in new[] { false, true, false, true, false })
        {
            line.Drive(level);
            await Task.Delay(5);
        }

        await EventuallyAsync(() => Count(seen) >= 1);
        await Task.Delay(200);
        lock (seen)
        {
            Assert.Equal([true], seen);
        }

        line.Drive(true);
        await EventuallyAsync(() => Count(seen) >= 2);
        await stop.CancelAsync();
        await watcher;
        Assert.Equal([true, false], seen);
    }

    [Fact]
    public async Task Idle_switch_waits_on_edges_instead_of_polling()
    {
        using var gpio = new FakeGpio();
        var line = (FakeGpio.FakeLine)gpio.OpenInput(27, GpioBias.PullUp);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Task.Run(() => new SlotSwitch(line, TimeSpan.FromMilliseconds(50)).Run(_ => { }, stop.Token));

        Assert.InRange(line.Waits, 1, 2);
    }

    [Fact]
    public async Task Glitch_that_returns_to_the_same_level_is_not_a_change()
    {
        using var gpio = new FakeGpio();
        var line = (FakeGpio.FakeLine)gpio.OpenInput(22, GpioBias.PullUp);
        var changes = 0;
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() => new SlotSwitch(line, TimeSpan.FromMilliseconds(30)).Run(_ => Interlocked.Increment(ref changes), stop.Token));

        await WaitingAsync(line);
        line.Drive(false);
        line.Drive(true);
        await Task.Delay(200);
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(0, changes);
    }

    private static async Task WaitingAsync(FakeGpio.FakeLine line)
    {
        while (line.Waits == 0)
        {
            await Task.Delay(5);
        }
    }

    private static int Count(List<bool> seen)
    {
        lock (seen)
        {
            return seen.Count;
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }
}
