using System.Collections.Concurrent;
using System.Device.Gpio;
using System.Net;
using System.Net.Sockets;

namespace DockGateway.Benchmarks.Gpio;

/// <summary>
/// A GPIO chip whose lines never change, under the real GpioController. Depending on the mode it also
/// runs, per line with an edge callback, the waiting the libgpiod drivers do (see <see cref="IdleDriverMode"/>).
/// </summary>
public sealed class IdleGpioDriver(IdleDriverMode mode) : GpioDriver
{
    private readonly ConcurrentDictionary<int, PinValue> _levels = new();
    private readonly ConcurrentDictionary<int, PinMode> _modes = new();
    private readonly List<Thread> _threads = [];
    private readonly List<Task> _tasks = [];
    private volatile bool _stopping;

    protected override int PinCount => 58;

    protected override void OpenPin(int pinNumber)
    {
    }

    protected override void ClosePin(int pinNumber)
    {
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        _levels.TryAdd(pinNumber, mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low);
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _levels.GetValueOrDefault(pinNumber, PinValue.Low);

    protected override void Write(int pinNumber, PinValue value) => _levels[pinNumber] = value;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the dock must not call WaitForEvent");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        switch (mode)
        {
            case IdleDriverMode.LibgpiodModel:
                _tasks.Add(Task.Run(() => KernelWaits(TimeSpan.FromMilliseconds(50))));
                break;
            case IdleDriverMode.LibgpiodV2Model:
                Start(() => KernelWaits(TimeSpan.FromMilliseconds(100)));
                break;
            case IdleDriverMode.WaitForEventModel:
                _tasks.Add(Task.Run(() => KernelWaits(TimeSpan.FromMilliseconds(50))));
                Start(SleepLoop);
                break;
            default:
                break;
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }

    protected override void Dispose(bool disposing)
    {
        _stopping = true;
        _threads.ForEach(t => t.Join());
        Task.WaitAll([.. _tasks]);
        base.Dispose(disposing);
    }

    private void Start(ThreadStart loop)
    {
        var thread = new Thread(loop) { IsBackground = true };
        thread.Start();
        _threads.Add(thread);
    }

    private void KernelWaits(TimeSpan timeout)
    {
        using var idle = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        idle.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        while (!_stopping)
        {
            idle.Poll(timeout, SelectMode.SelectRead);
        }
    }

    private void SleepLoop()
    {
        while (!_stopping)
        {
            Thread.Sleep(1);
        }
    }
}
