using System.Device.Gpio;
using DockGateway.Device.Hardware.Gpio;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Gpio;

public sealed class SlotSwitchTests : IDisposable
{
    private readonly FakeGpioDriver _driver = new();
    private readonly GpioController _gpio;

    public SlotSwitchTests() => _gpio = new GpioController(_driver);

    public void Dispose() => _gpio.Dispose();

    [Fact]
    public async Task Bouncing_contact_is_reported_once_after_it_settles()
    {
        var seen = new List<bool>();
        using var stop = new CancellationTokenSource();
        var watcher = Watch(17, TimeSpan.FromMilliseconds(50), s => { lock (seen) { seen.Add(s); } }, stop.Token);

        await ListeningAsync(17);
        foreach (var high in new[] { false, true, false, true, false })
        {
            _driver.Drive(17, high);
            await Task.Delay(5);
        }

        await EventuallyAsync(() => Count(seen) >= 1);
        await Task.Delay(200);
        lock (seen)
        {
            Assert.Equal([true], seen);
        }

        _driver.Drive(17, true);
        await EventuallyAsync(() => Count(seen) >= 2);
        await stop.CancelAsync();
        await watcher;
        Assert.Equal([true, false], seen);
    }

    [Fact]
    public async Task Idle_switch_waits_on_edge_callbacks_instead_of_polling()
    {
        using var stop = new CancellationTokenSource();
        var watcher = Watch(27, TimeSpan.FromMilliseconds(50), _ => { }, stop.Token);

        await ListeningAsync(27);
        await Task.Delay(500);
        Assert.Equal(PinMode.InputPullUp, _driver.ModeOf(27));
        Assert.Equal(1, _driver.Reads); // the level at start; after that only edges wake it
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(0, _driver.CallbackCount(27));
        Assert.False(_driver.Open.ContainsKey(27));
    }

    [Fact]
    public async Task Glitch_that_returns_to_the_same_level_is_not_a_change()
    {
        var changes = 0;
        using var stop = new CancellationTokenSource();
        var watcher = Watch(22, TimeSpan.FromMilliseconds(30), _ => Interlocked.Increment(ref changes), stop.Token);

        await ListeningAsync(22);
        _driver.Drive(22, false);
        _driver.Drive(22, true);
        await Task.Delay(200);
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task Recorder_pulled_after_start_seated_is_reported_as_empty()
    {
        _driver.Drive(23, false); // seated before the dock starts
        var seen = new List<bool>();
        using var stop = new CancellationTokenSource();
        var watcher = Watch(23, TimeSpan.FromMilliseconds(20), s => { lock (seen) { seen.Add(s); } }, stop.Token);

        await ListeningAsync(23);
        _driver.Drive(23, true);
        await EventuallyAsync(() => Count(seen) >= 1);
        await stop.CancelAsync();
        await watcher;

        Assert.Equal([false], seen);
    }

    private Task Watch(int pin, TimeSpan debounce, Action<bool> changed, CancellationToken token) =>
        Task.Run(() => new SlotSwitch(_gpio, pin, debounce, TimeProvider.System).RunAsync(changed, token), CancellationToken.None);

    private async Task ListeningAsync(int pin)
    {
        for (var i = 0; i < 500 && _driver.CallbackCount(pin) == 0; i++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(1, _driver.CallbackCount(pin));
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
