using System.Collections.Concurrent;
using System.Device.Gpio;

namespace DockGateway.Device.Tests.Hardware.Gpio;

/// <summary>
/// A GPIO chip at the hardware edge, under the real <see cref="GpioController"/>: inputs driven by the
/// test (each change raises the edge callbacks as the libgpiod drivers do, on the caller's thread),
/// outputs recorded. <c>WaitForEvent</c> fails the test: LibGpiodDriver implements it as a sleep loop.
/// </summary>
public sealed class FakeGpioDriver : GpioDriver
{
    private readonly ConcurrentDictionary<int, PinValue> _levels = new();
    private readonly ConcurrentDictionary<int, PinMode> _modes = new();
    private readonly ConcurrentDictionary<int, List<(PinEventTypes Types, PinChangeEventHandler Callback)>> _callbacks = new();
    private int _reads;

    /// <summary>Every value written to each output, in order.</summary>
    public ConcurrentDictionary<int, List<PinValue>> Written { get; } = new();

    public int Reads => Volatile.Read(ref _reads);

    public ConcurrentDictionary<int, bool> Open { get; } = new();

    protected override int PinCount => 58;

    /// <summary>The line's level now (as a voltmeter would see it).</summary>
    public bool IsHigh(int pin) => _levels.TryGetValue(pin, out var level) && level == PinValue.High;

    public PinMode ModeOf(int pin) => _modes[pin];

    public int CallbackCount(int pin) => _callbacks.TryGetValue(pin, out var list) ? Count(list) : 0;

    /// <summary>Drives an input to <paramref name="high"/> and raises the matching edge.</summary>
    public void Drive(int pin, bool high)
    {
        _levels[pin] = high ? PinValue.High : PinValue.Low;
        var type = high ? PinEventTypes.Rising : PinEventTypes.Falling;
        (PinEventTypes Types, PinChangeEventHandler Callback)[] callbacks;
        var list = _callbacks.GetOrAdd(pin, _ => []);
        lock (list)
        {
            callbacks = [.. list];
        }

        foreach (var (types, callback) in callbacks.Where(c => (c.Types & type) != 0))
        {
            callback(this, new PinValueChangedEventArgs(type, pin));
        }
    }

    protected override void OpenPin(int pinNumber) => Open[pinNumber] = true;

    protected override void ClosePin(int pinNumber) => Open.TryRemove(pinNumber, out _);

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        if (mode == PinMode.InputPullUp)
        {
            _levels.TryAdd(pinNumber, PinValue.High);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        SetPinMode(pinNumber, mode);
        if (mode == PinMode.Output)
        {
            _levels[pinNumber] = initialValue;
        }
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber)
    {
        Interlocked.Increment(ref _reads);
        return _levels.GetValueOrDefault(pinNumber, PinValue.Low);
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        _levels[pinNumber] = value;
        var list = Written.GetOrAdd(pinNumber, _ => []);
        lock (list)
        {
            list.Add(value);
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("WaitForEvent called: LibGpiodDriver's WaitForEvent polls every millisecond; use the edge callback");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        var list = _callbacks.GetOrAdd(pinNumber, _ => []);
        lock (list)
        {
            list.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        var list = _callbacks.GetOrAdd(pinNumber, _ => []);
        lock (list)
        {
            list.RemoveAll(c => c.Callback == callback);
        }
    }

    private static int Count(List<(PinEventTypes, PinChangeEventHandler)> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}
