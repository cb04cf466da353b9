using System.Device.Gpio;
using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Gpio;

public sealed class SlotLedsTests : IDisposable
{
    private readonly FakeGpioDriver _driver = new();
    private readonly GpioController _gpio;
    private readonly ManualTime _time = new();
    private readonly SlotLeds _leds;

    public SlotLedsTests()
    {
        _gpio = new GpioController(_driver);
        var options = Options.Create(new DockHardwareOptions
        {
            BuzzerPin = 26,
            Slots = [new SlotWiring { Slot = 1, Port = "1-1.3", GreenLedPin = 5, RedLedPin = 6 }],
        });
        _leds = new SlotLeds(_gpio, options, _time, NullLogger<SlotLeds>.Instance);
        _leds.OpenLines();
    }

    public void Dispose() => _gpio.Dispose();

    [Fact]
    public void Lines_are_opened_as_outputs_and_start_dark()
    {
        foreach (var pin in new[] { 5, 6, 26 })
        {
            Assert.Equal(PinMode.Output, _driver.ModeOf(pin));
            Assert.False(_driver.IsHigh(pin));
        }
    }

    [Fact]
    public async Task Done_is_solid_green_with_one_beep()
    {
        await Show(SlotState.Done);

        var green = Sample(5, TimeSpan.FromMilliseconds(50), 40);
        Assert.All(green, Assert.True);
        Assert.All(Sample(6, TimeSpan.FromMilliseconds(50), 40, restart: SlotState.Done), Assert.False);
    }

    [Fact]
    public async Task Error_blinks_red_fast_and_green_stays_off()
    {
        await Show(SlotState.Error);

        var red = Sample(6, TimeSpan.FromMilliseconds(50), 8);
        Assert.Equal([true, true, false, false, true, true, false, false], red);
        Assert.False(_driver.IsHigh(5));
    }

    [Fact]
    public async Task Ingesting_blinks_green_twice_a_second()
    {
        await Show(SlotState.Ingesting);

        var green = Sample(5, TimeSpan.FromMilliseconds(125), 8);
        Assert.Equal([true, true, false, false, true, true, false, false], green);
    }

    [Fact]
    public async Task Refused_is_solid_red_and_beeps_twice()
    {
        await Show(SlotState.Refused);

        Assert.Equal([true, false, true, false, false, false], Sample(26, TimeSpan.FromMilliseconds(100), 6, restart: SlotState.Refused));
        Assert.True(_driver.IsHigh(6));
    }

    [Fact]
    public async Task Empty_slot_is_dark_and_lines_are_written_only_on_change()
    {
        await Show(SlotState.Empty);
        for (var i = 0; i < 10; i++)
        {
            _leds.Render();
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.False(_driver.Written.ContainsKey(5));
        Assert.False(_driver.Written.ContainsKey(6));
    }

    [Fact]
    public async Task Steady_lights_need_no_frames_so_an_idle_dock_does_not_wake()
    {
        Assert.False(_leds.IsAnimating); // nothing shown yet: all dark

        await Show(SlotState.Empty);
        Assert.False(_leds.IsAnimating);

        await Show(SlotState.Ingesting);
        Assert.True(_leds.IsAnimating); // green blinks

        await Show(SlotState.Done);
        Assert.True(_leds.IsAnimating); // solid green, but the beep is sounding
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.False(_leds.IsAnimating); // beep over, solid green is steady
    }

    [Fact]
    public void Every_slot_state_has_a_light_pattern()
    {
        foreach (var state in Enum.GetValues<SlotState>())
        {
            Assert.NotNull(SlotLightPattern.For(state));
        }
    }

    private ValueTask Show(SlotState state) => _leds.ShowAsync(new SlotStatus(1, state, "CAM-001", 4, 0, 0, state.ToString()), CancellationToken.None);

    private bool[] Sample(int pin, TimeSpan step, int count, SlotState? restart = null)
    {
        if (restart is { } state)
        {
            _leds.ShowAsync(new SlotStatus(1, SlotState.Empty, null, 0, 0, 0, string.Empty), CancellationToken.None).AsTask().Wait();
            Show(state).AsTask().Wait();
        }

        var levels = new bool[count];
        for (var i = 0; i < count; i++)
        {
            _leds.Render();
            levels[i] = _driver.IsHigh(pin);
            _time.Advance(step);
        }

        return levels;
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
