using System.Device.Gpio;
using System.Diagnostics;
using System.Globalization;
using DockGateway.Benchmarks.Gpio;
using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Hardware.Usb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Idle GPIO benchmark: the dock's SlotSwitchMonitor (8 seat switches) and SlotLeds (16 LEDs and a buzzer,
// rendered every 50 ms) over the real GpioController, idle; CPU% of this process from /proc/self/stat.
// Usage: dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Gpio -- [baseline|fake|libgpiodmodel|libgpiodv2model|waitforeventmodel] [seconds, default 30]
var mode = args.Length > 0 ? Enum.Parse<IdleDriverMode>(args[0], ignoreCase: true) : IdleDriverMode.Fake;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
const int Slots = 8;

var options = Options.Create(new DockHardwareOptions
{
    BuzzerPin = 26,
    Slots = [.. Enumerable.Range(1, Slots).Select(n => new SlotWiring
    {
        Slot = n, Port = $"1-1.{n}", SwitchPin = n + 1, GreenLedPin = n + 9, RedLedPin = n + 17,
    })],
});
using var gpio = new GpioController(new IdleGpioDriver(mode));
using var leds = new SlotLeds(gpio, options, TimeProvider.System, NullLogger<SlotLeds>.Instance);
using var switches = new SlotSwitchMonitor(gpio, options, new RescanSignal(), TimeProvider.System, NullLogger<SlotSwitchMonitor>.Instance);
if (mode != IdleDriverMode.Baseline)
{
    await leds.StartAsync(CancellationToken.None);
    await switches.StartAsync(CancellationToken.None);
}

await Task.Delay(TimeSpan.FromSeconds(5)); // start-up and JIT out of the measurement
var cpuBefore = ProcessCpu.Used();
var wall = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
var cpu = ProcessCpu.Used() - cpuBefore;
var elapsed = wall.Elapsed;

if (mode != IdleDriverMode.Baseline)
{
    await switches.StopAsync(CancellationToken.None);
    await leds.StopAsync(CancellationToken.None);
}

var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
Console.WriteLine(
    $"GPIO idle, {Slots} switches + {2 * Slots + 1} outputs, driver {mode}: CPU {cpu.TotalMilliseconds:F0} ms in {elapsed.TotalSeconds:F1} s = "
    + $"{100 * cpu / elapsed:F2} % of one core (/proc/self/stat, {1000 / ProcessCpu.TicksPerSecond:F0} ms ticks; load average {load})");
